package vn.binhduong.keycloak.it.reset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import vn.binhduong.keycloak.it.reset.ResetFlow.Official;
import vn.binhduong.keycloak.it.support.AdminApi;
import vn.binhduong.keycloak.it.support.Browser;
import vn.binhduong.keycloak.it.support.DirectLoginApi;
import vn.binhduong.keycloak.it.support.KeycloakExtension;
import vn.binhduong.keycloak.it.support.KeycloakServer;
import vn.binhduong.keycloak.it.support.StandIns;
import vn.binhduong.keycloak.standins.sms.SmsGatewayStandIn;

/**
 * Resets anyone can start with an official's ID number spend the anonymous allowance (per ID number), never the
 * official's login codes: during a DVCQG outage a stranger cannot keep officials out of the direct login.
 */
@ExtendWith(KeycloakExtension.class)
class ResetCapsIT {

    /** The shipped reset's hourly cap per ID number. */
    private static final int RESET_CAP = 5;

    private final SmsGatewayStandIn gateway;
    private final ResetFlow reset;
    private final DirectLoginApi directLogin;

    ResetCapsIT(KeycloakServer keycloak, AdminApi admin, StandIns standIns) throws Exception {
        this.gateway = standIns.smsGateway();
        this.reset = new ResetFlow(keycloak, admin, gateway);
        this.directLogin = new DirectLoginApi(keycloak, admin);
        reset.codeStepConfig(Map.of("bd.smsCode.ipHourlyCap", "100000", "bd.smsCode.phoneHourlyCap", Integer.toString(RESET_CAP)));
    }

    @Test
    void strangersResetsLeaveTheOfficialItsLoginCodes() throws Exception {
        Official official = reset.official(true);
        for (int i = 0; i < RESET_CAP + 3; i++) {
            Browser browser = reset.start();
            ResetFlow.submitId(browser, official.idNumber());
            assertThat(browser.last().statusCode()).isEqualTo(200);
        }
        // The reset's codes leave after its responses: wait for the last one the cap lets through.
        reset.awaitCode(official, RESET_CAP - 1);

        directLogin.switchOn("ResetCapsIT: DVCQG down");
        try {
            assertThat(reset.signIn(official, ResetFlow.OLD_PASSWORD)).as("the official still gets a login code").isNotNull();
        } finally {
            directLogin.switchOff();
        }
        assertThat(gateway.messagesTo(official.national())).as("the reset's cap per ID number, then the login's code")
                .hasSize(RESET_CAP + 1);
    }
}

package vn.binhduong.keycloak.it.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import vn.binhduong.keycloak.it.dvcqg.DvcqgLogin;
import vn.binhduong.keycloak.it.reset.ResetFlow;
import vn.binhduong.keycloak.it.support.AdminApi;
import vn.binhduong.keycloak.it.support.Browser;
import vn.binhduong.keycloak.it.support.DirectLoginApi;
import vn.binhduong.keycloak.it.support.Eventually;
import vn.binhduong.keycloak.it.support.KeycloakExtension;
import vn.binhduong.keycloak.it.support.KeycloakServer;
import vn.binhduong.keycloak.it.support.StandIns;
import vn.binhduong.keycloak.standins.captcha.CaptchaStandIn;
import vn.binhduong.keycloak.standins.dvcqg.DvcqgStandIn;
import vn.binhduong.keycloak.standins.proxy.ForwardProxy;
import vn.binhduong.keycloak.standins.sms.SmsGatewayStandIn;
import vn.binhduong.keycloak.standins.sms.TwilioStandIn;

/**
 * Every outbound call of our providers goes through Keycloak's HTTP client: the test server is booted with
 * {@code --spi-connections-http-client--default--proxy-mappings} sending every loopback stand-in through
 * {@link ForwardProxy} (for the whole suite), and each call shows up at the proxy: the SMS gateway ({@code http}
 * provider) and captcha of a password reset, Twilio after failover, DVCQG's token endpoint at a login, and the
 * DVCQG health probe.
 */
@ExtendWith(KeycloakExtension.class)
class OutboundProxyIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PROBE_DEFAULTS = "{\"policy\":\"manual\",\"intervalSeconds\":60,\"timeoutMs\":5000,"
            + "\"failuresToSwitchOn\":3,\"successesToSwitchOff\":3}";

    private final KeycloakServer keycloak;
    private final AdminApi admin;
    private final ForwardProxy proxy;
    private final SmsGatewayStandIn gateway;
    private final TwilioStandIn twilio;
    private final CaptchaStandIn captcha;
    private final DvcqgStandIn dvcqg;
    private final ResetFlow reset;

    OutboundProxyIT(KeycloakServer keycloak, AdminApi admin, StandIns standIns) {
        this.keycloak = keycloak;
        this.admin = admin;
        this.proxy = standIns.proxy();
        this.gateway = standIns.smsGateway();
        this.twilio = standIns.twilio();
        this.captcha = standIns.captcha();
        this.dvcqg = standIns.dvcqg();
        this.reset = new ResetFlow(keycloak, admin, gateway);
    }

    @AfterEach
    void defaults() throws Exception {
        gateway.answerOk();
        twilio.answerOk();
        new DirectLoginApi(keycloak, admin).putProbeSettings(admin.token(), PROBE_DEFAULTS);
    }

    @Test
    void theSmsGatewayAndTheCaptchaOfAResetGoThroughTheProxy() throws Exception {
        long gatewayBefore = proxy.forwardedTo(gateway.url());
        long captchaBefore = proxy.forwardedTo(captcha.verifyUrl());
        ResetFlow.Official official = reset.official(true);

        Browser browser = reset.start();
        ResetFlow.submitId(browser, official.idNumber());
        reset.awaitCode(official, 0);

        assertThat(proxy.forwardedTo(captcha.verifyUrl())).isEqualTo(captchaBefore + 1);
        await(() -> proxy.forwardedTo(gateway.url()) == gatewayBefore + 1, "the SMS through the proxy");
    }

    @Test
    void twilioAfterFailoverGoesThroughTheProxy() throws Exception {
        long twilioBefore = proxy.forwardedTo(twilio.baseUrl() + TwilioStandIn.MESSAGES_PATH);
        gateway.answer500();
        ResetFlow.Official official = reset.official(true);

        Browser browser = reset.start();
        ResetFlow.submitId(browser, official.idNumber());

        await(() -> !twilio.requestsTo(official.phone()).isEmpty(), "the message at Twilio");
        assertThat(proxy.forwardedTo(twilio.baseUrl() + TwilioStandIn.MESSAGES_PATH)).isEqualTo(twilioBefore + 1);
    }

    @Test
    void dvcqgsTokenEndpointAndUserinfoAreReachedThroughTheProxy() throws Exception {
        dvcqg.account("proxy_case", DvcqgStandIn.sample("citizen_cccd").put("TechID", "DVCQG-TECH-074091000021")
                .put("SoDinhDanh", "074091000021").put("SoCMND", ""));
        long tokenBefore = forwarded("POST", dvcqg.baseUrl() + "/oauth2/token");
        long userInfoBefore = proxy.forwardedTo(dvcqg.baseUrl() + "/oauth2/userinfo");

        new DvcqgLogin(keycloak, dvcqg).as("proxy_case");

        assertThat(forwarded("POST", dvcqg.baseUrl() + "/oauth2/token")).isEqualTo(tokenBefore + 1);
        assertThat(proxy.forwardedTo(dvcqg.baseUrl() + "/oauth2/userinfo")).isEqualTo(userInfoBefore + 1);
    }

    /** Only the probe GETs DVCQG's token endpoint (a login posts to it): two GETs at the proxy are two probes. */
    @Test
    void theDvcqgProbeGoesThroughTheProxy() throws Exception {
        long probesBefore = forwarded("GET", dvcqg.baseUrl() + "/oauth2/token");

        assertThat(new DirectLoginApi(keycloak, admin).putProbeSettings(admin.token(), PROBE_DEFAULTS
                .replace("\"intervalSeconds\":60", "\"intervalSeconds\":1")).statusCode()).isEqualTo(200);

        await(() -> forwarded("GET", dvcqg.baseUrl() + "/oauth2/token") >= probesBefore + 2, "two probes through the proxy");
    }

    private long forwarded(String method, String urlPrefix) {
        return proxy.forwarded().stream().filter(request -> request.method().equals(method)
                && request.url().toString().startsWith(urlPrefix)).count();
    }

    private static void await(BooleanSupplier condition, String what) throws Exception {
        Eventually.await(WAIT, what, condition::getAsBoolean);
    }
}

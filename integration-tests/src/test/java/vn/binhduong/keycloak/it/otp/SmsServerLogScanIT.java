package vn.binhduong.keycloak.it.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import vn.binhduong.keycloak.it.support.KeycloakExtension;
import vn.binhduong.keycloak.it.support.KeycloakServer;
import vn.binhduong.keycloak.it.support.StandIns;
import vn.binhduong.keycloak.standins.sms.SmsMessage;

/**
 * Runs after every other test class (see junit-platform.properties): every SMS the stand-ins received during the
 * run, whichever test sent it, is looked for in the server log. Neither its code, nor its text, nor its phone
 * number in any usual form may be there.
 */
@ExtendWith(KeycloakExtension.class)
@Order(Integer.MAX_VALUE)
class SmsServerLogScanIT {

    @Test
    void theServerLogHoldsNoCodeNoTextAndNoFullPhoneNumberOfAnySmsSent(KeycloakServer keycloak, StandIns standIns)
            throws Exception {
        List<SmsMessage> sent = new ArrayList<>(standIns.smsGateway().messages());
        sent.addAll(standIns.twilio().messages());
        assumeFalse(sent.isEmpty(), "no SMS was sent in this run");

        Set<String> secrets = new LinkedHashSet<>();
        for (SmsMessage message : sent) {
            String national = message.to().startsWith("+84") ? "0" + message.to().substring(3) : message.to();
            secrets.add(national);
            secrets.add("84" + national.substring(1));
            secrets.add("+84" + national.substring(1));
            secrets.add(message.text());
            message.code().ifPresent(secrets::add);
        }
        String log = keycloak.log();
        assertThat(log).contains("Keycloak").contains("started");
        for (String secret : secrets) {
            // As a token of its own: a code's six digits may sit by chance inside a UUID or a timestamp.
            assertThat(Pattern.compile("(?<![0-9A-Za-z])" + Pattern.quote(secret) + "(?![0-9A-Za-z])").matcher(log).find())
                    .as("the server log holds an SMS code, text or phone number").isFalse();
        }
    }
}

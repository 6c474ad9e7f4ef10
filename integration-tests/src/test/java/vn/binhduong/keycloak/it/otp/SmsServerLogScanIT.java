package vn.binhduong.keycloak.it.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import vn.binhduong.keycloak.it.security.SecurityReport;
import vn.binhduong.keycloak.it.support.AdminApi;
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
    void theServerLogHoldsNoCodeNoTextAndNoFullPhoneNumberOfAnySmsSent(KeycloakServer keycloak, AdminApi admin,
            StandIns standIns)
            throws Exception {
        List<SmsMessage> sent = new ArrayList<>(standIns.smsGateway().messages());
        sent.addAll(standIns.twilio().messages());
        assumeFalse(sent.isEmpty(), "no SMS was sent in this run");

        String log = keycloak.log();
        assertThat(log).contains("Keycloak").contains("started");
        String events = userEventsAndOurAdminEvents(admin);
        assertThat(events).contains("LOGIN");
        // Codes and numbers are looked for as tokens of their own: six digits may sit by chance inside a UUID or a
        // timestamp. An SMS text holds its code, so no code means no text either.
        Set<String> logTokens = tokens(log);
        Set<String> eventTokens = tokens(events);
        for (SmsMessage message : sent) {
            String national = message.to().startsWith("+84") ? "0" + message.to().substring(3) : message.to();
            for (String number : List.of(national, "84" + national.substring(1))) {
                assertThat(logTokens).as("the server log holds a full phone number").doesNotContain(number);
                assertThat(eventTokens).as("an event holds a full phone number").doesNotContain(number);
            }
            message.code().ifPresent(code -> {
                assertThat(logTokens).as("the server log holds an SMS code").doesNotContain(code);
                assertThat(eventTokens).as("an event holds an SMS code").doesNotContain(code);
            });
        }
        List<String> passwords = List.of("Abc@12345", "Cu@123456", "Moi@2026xyz", keycloak.adminPassword());
        for (String password : passwords) {
            assertThat(log).as("the server log holds a password").doesNotContain(password);
            assertThat(events).as("an event holds a password").doesNotContain(password);
        }
        SecurityReport.record("06-log-and-event-scan", "No code, full phone number or password reaches the log or the events",
                "the whole run's server log (" + log.length() / 1024 + " KiB) and every user event and admin event of ours, "
                        + "searched for the " + sent.size() + " SMS sent in the run (code, text, phone in national and 84 forms) and "
                        + "the suite's passwords", "0 codes, 0 SMS texts, 0 full phone numbers, 0 passwords",
                "SmsServerLogScanIT#theServerLogHoldsNoCodeNoTextAndNoFullPhoneNumberOfAnySmsSent");
    }

    private static Set<String> tokens(String text) {
        Set<String> tokens = new HashSet<>();
        Matcher token = Pattern.compile("[0-9A-Za-z]+").matcher(text);
        while (token.find()) {
            tokens.add(token.group());
        }
        return tokens;
    }

    /** Every user event of the realm, and the admin events our endpoints and tab record, as JSON text. */
    private static String userEventsAndOurAdminEvents(AdminApi admin) throws Exception {
        String realm = "/realms/" + KeycloakServer.REALM;
        StringBuilder text = new StringBuilder(admin.get(realm + "/events?max=1000000").toString());
        for (JsonNode event : admin.get(realm + "/admin-events?max=1000000")) {
            String path = event.path("resourcePath").asText();
            if (path.startsWith("bd-") || event.path("resourceType").asText().equals("COMPONENT")) {
                text.append(event);
            }
        }
        return text.toString();
    }
}

package vn.binhduong.keycloak.it.support;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import vn.binhduong.keycloak.standins.sms.SmsMessage;

/**
 * Every SMS the stand-ins received so far, whichever test sent it, looked for in the server log and in the realm's
 * events: neither its code, nor its text, nor its phone number in any usual form may be there; nor the suite's
 * passwords. Valid at any moment of the run: {@code SmsServerLogScanIT} runs it wherever it is scheduled, and
 * {@link KeycloakExtension} runs it once more over the whole run before the server stops.
 */
public final class ServerLogScan {

    /** The passwords the suite's users are given, beside the admin's. */
    private static final List<String> PASSWORDS = List.of("Abc@12345", "Cu@123456", "Moi@2026xyz");
    private static final Pattern TOKEN = Pattern.compile("[0-9A-Za-z]+");

    /** What was scanned and what was found; {@link #findings()} is empty when nothing leaked. */
    public record Result(int smsScanned, int logKiB, Set<String> findings) {
    }

    private ServerLogScan() {
    }

    public static Result run(KeycloakServer keycloak, AdminApi admin, StandIns standIns) throws Exception {
        List<SmsMessage> sent = new ArrayList<>(standIns.smsGateway().messages());
        sent.addAll(standIns.twilio().messages());
        String log = keycloak.log();
        String events = userEventsAndOurAdminEvents(admin);
        Set<String> findings = new LinkedHashSet<>();
        // Codes and numbers are looked for as tokens of their own: six digits may sit by chance inside a UUID or a
        // timestamp. An SMS text holds its code, so no code means no text either.
        Set<String> logTokens = tokens(log);
        Set<String> eventTokens = tokens(events);
        for (SmsMessage message : sent) {
            String national = message.to().startsWith("+84") ? "0" + message.to().substring(3) : message.to();
            for (String number : List.of(national, "84" + national.substring(1))) {
                if (logTokens.contains(number)) {
                    findings.add("the server log holds a full phone number");
                }
                if (eventTokens.contains(number)) {
                    findings.add("an event holds a full phone number");
                }
            }
            message.code().ifPresent(code -> {
                if (logTokens.contains(code)) {
                    findings.add("the server log holds an SMS code");
                }
                if (eventTokens.contains(code)) {
                    findings.add("an event holds an SMS code");
                }
            });
        }
        List<String> passwords = new ArrayList<>(PASSWORDS);
        passwords.add(keycloak.adminPassword());
        for (String password : passwords) {
            if (log.contains(password)) {
                findings.add("the server log holds a password");
            }
            if (events.contains(password)) {
                findings.add("an event holds a password");
            }
        }
        return new Result(sent.size(), log.length() / 1024, findings);
    }

    private static Set<String> tokens(String text) {
        Set<String> tokens = new HashSet<>();
        Matcher token = TOKEN.matcher(text);
        while (token.find()) {
            tokens.add(token.group());
        }
        return tokens;
    }

    /** Every user event of the realm, and the admin events our endpoints and tab record, as JSON text. */
    private static String userEventsAndOurAdminEvents(AdminApi admin) throws Exception {
        String realm = "/realms/" + KeycloakUnderTest.REALM;
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

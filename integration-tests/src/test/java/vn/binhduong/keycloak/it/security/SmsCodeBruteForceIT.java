package vn.binhduong.keycloak.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import vn.binhduong.keycloak.it.otp.SmsOtpTestRealm;
import vn.binhduong.keycloak.it.support.AdminApi;
import vn.binhduong.keycloak.it.support.Browser;
import vn.binhduong.keycloak.it.support.DirectLoginApi;
import vn.binhduong.keycloak.it.support.KeycloakExtension;
import vn.binhduong.keycloak.it.support.KeycloakServer;
import vn.binhduong.keycloak.it.support.OidcClient;
import vn.binhduong.keycloak.it.support.StandIns;
import vn.binhduong.keycloak.standins.sms.SmsGatewayStandIn;

/**
 * Guessing the SMS code of the direct login: officials whose password is known (the attacker's best case), each
 * with one code, and hundreds of guesses per code posted in parallel bursts on the code page. No guess may open
 * the login, no code may be compared more often than the realm's cap (5), and the right code, entered after the
 * guesses, is refused too: the code was voided.
 */
@ExtendWith(KeycloakExtension.class)
class SmsCodeBruteForceIT {

    private static final String REALM = "/realms/" + KeycloakServer.REALM;
    private static final int OFFICIALS = 20;
    private static final int GUESSES_PER_CODE = 520;
    private static final int BURST = 40;
    private static final int CAP = 5;

    private final KeycloakServer keycloak;
    private final AdminApi admin;
    private final DirectLoginApi directLogin;
    private final SmsGatewayStandIn gateway;

    SmsCodeBruteForceIT(KeycloakServer keycloak, AdminApi admin, StandIns standIns) {
        this.keycloak = keycloak;
        this.admin = admin;
        this.directLogin = new DirectLoginApi(keycloak, admin);
        this.gateway = standIns.smsGateway();
    }

    @AfterEach
    void switchedOffAndDetectionBack() throws Exception {
        directLogin.switchOff();
        bruteForceDetection(true);
    }

    /**
     * Brute-force detection locks an account at its first quick failure, so it hides the code's own cap; half the
     * officials are guessed at with it off, where only the attempt slots stand between the guesses and the code.
     */
    private void bruteForceDetection(boolean on) throws Exception {
        var response = admin.send("PUT", REALM, Map.of("bruteForceProtected", on));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }

    @Test
    void tenThousandGuessesInParallelBurstsOpenNoLoginAndNoCodeIsComparedMoreThanTheCap() throws Exception {
        directLogin.switchOn("SmsCodeBruteForceIT");
        ExecutorService pool = Executors.newFixedThreadPool(BURST);
        int guesses = 0;
        int successes = 0;
        int rightCodeAccepted = 0;
        int maxCompared;
        int maxComparedWithoutDetection = 0;
        Map<String, Integer> comparedPerCode = new HashMap<>();
        try {
            for (int i = 0; i < OFFICIALS; i++) {
                boolean detection = i % 2 == 0;
                bruteForceDetection(detection);
                SignedInOfficial official = SignedInOfficial.create(admin, String.format("07409600%04d", i),
                        SmsOtpTestRealm.newPhone());
                Browser browser = new Browser(keycloak.baseUrl());
                browser.open(new OidcClient(keycloak.realmUrl(), "motcua", keycloak.motcuaSecret()).authorizationUrl());
                browser.submit("form#kc-form-login", Map.of("username", official.idNumber, "password", SignedInOfficial.PASSWORD));
                String action = codeFormAction(browser);
                String rightCode = gateway.lastCodeTo(official.nationalPhone()).orElseThrow();

                List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                for (int g = 0; g < GUESSES_PER_CODE; g += BURST) {
                    // Keycloak acts only on a post carrying the page's current session code: a burst shares the
                    // code of the page loaded again just before (which sends no SMS), so its guesses race each other.
                    browser.open(withoutSessionCode(action));
                    String current = codeFormAction(browser);
                    List<Future<HttpResponse<String>>> burst = new ArrayList<>();
                    for (int b = 0; b < BURST && g + b < GUESSES_PER_CODE; b++) {
                        String guess = wrongGuess(rightCode);
                        burst.add(pool.submit(() -> browser.post(current, Map.of("code", guess))));
                    }
                    for (Future<HttpResponse<String>> answer : burst) {
                        answer.get();
                    }
                    answers.addAll(burst);
                }
                guesses += answers.size();
                for (Future<HttpResponse<String>> answer : answers) {
                    if (signedIn(answer.get())) {
                        successes++;
                    }
                }
                browser.open(withoutSessionCode(action));
                if (signedIn(browser.post(codeFormAction(browser), Map.of("code", rightCode)))) {
                    rightCodeAccepted++;
                }
                Map<String, Integer> compared = comparisonsPerCode(official);
                compared.forEach((code, count) -> comparedPerCode.merge(code, count, Integer::sum));
                if (!detection) {
                    maxComparedWithoutDetection = Math.max(maxComparedWithoutDetection,
                            compared.values().stream().mapToInt(Integer::intValue).max().orElse(0));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        maxCompared = comparedPerCode.values().stream().mapToInt(Integer::intValue).max().orElse(0);

        assertThat(guesses).isGreaterThanOrEqualTo(10_000);
        assertThat(successes).as("guesses that opened a login").isZero();
        assertThat(rightCodeAccepted).as("right codes accepted after the guesses voided them").isZero();
        assertThat(comparedPerCode).as("codes compared").isNotEmpty();
        assertThat(maxCompared).as("most comparisons of one code").isLessThanOrEqualTo(CAP);
        assertThat(maxComparedWithoutDetection).as("with detection off, the cap itself is what stops the guesses")
                .isEqualTo(CAP);
        SecurityReport.record("03-sms-code-brute-force", "No SMS code is guessed; none is compared more often than the cap",
                guesses + " wrong guesses against " + OFFICIALS + " codes (" + GUESSES_PER_CODE + " each, bursts of "
                        + BURST + " in parallel), password known, then each right code; half of them with brute-force "
                        + "detection off, so that only the code's attempt slots stop the guesses",
                successes + " successes, " + rightCodeAccepted + " right codes accepted afterwards; at most " + maxCompared
                        + " comparisons per code (cap " + CAP + ") over " + comparedPerCode.size() + " codes; "
                        + maxComparedWithoutDetection + " with detection off",
                "SmsCodeBruteForceIT#tenThousandGuessesInParallelBurstsOpenNoLoginAndNoCodeIsComparedMoreThanTheCap");
    }

    /** Comparisons made, per code id, read from the events: each compared entry records its attempt slot. */
    private Map<String, Integer> comparisonsPerCode(SignedInOfficial official) throws Exception {
        Map<String, Integer> compared = new LinkedHashMap<>();
        for (JsonNode event : admin.get(REALM + "/events?user=" + official.userId + "&max=5000")) {
            JsonNode details = event.path("details");
            if (details.has("bd_sms_otp_attempt") && details.has("bd_sms_otp_code")) {
                compared.merge(details.path("bd_sms_otp_code").asText(), 1, Integer::sum);
            }
        }
        return compared;
    }

    /** The page's URL without its session code: Keycloak renders the current step again and acts on nothing. */
    private static String withoutSessionCode(String action) {
        return action.replaceAll("([?&])session_code=[^&]*&?", "$1");
    }

    private static String codeFormAction(Browser browser) {
        Element form = browser.page().selectFirst("form#bd-sms-otp-form");
        assertThat(form).as(browser.page().text()).isNotNull();
        return form.absUrl("action");
    }

    private static boolean signedIn(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").orElse("");
        return location.startsWith(OidcClient.REDIRECT_URI) && URI.create(location).getRawQuery().contains("code=");
    }

    private static String wrongGuess(String rightCode) {
        String guess;
        do {
            guess = String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        } while (guess.equals(rightCode));
        return guess;
    }
}

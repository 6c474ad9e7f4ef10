package vn.binhduong.keycloak.it.reset;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import vn.binhduong.keycloak.it.reset.ResetFlow.Official;
import vn.binhduong.keycloak.it.security.SecurityReport;
import vn.binhduong.keycloak.it.support.AdminApi;
import vn.binhduong.keycloak.it.support.Browser;
import vn.binhduong.keycloak.it.support.DirectLoginApi;
import vn.binhduong.keycloak.it.support.Eventually;
import vn.binhduong.keycloak.it.support.KeycloakExtension;
import vn.binhduong.keycloak.it.support.KeycloakServer;
import vn.binhduong.keycloak.it.support.StandIns;
import vn.binhduong.keycloak.standins.sms.SmsGatewayStandIn;

/**
 * No account enumeration through the reset: the page after the ID number is the same, in the same time, whether
 * the ID is a real official's, unknown, disabled, or has no OTP phone; only the real one gets an SMS.
 */
@ExtendWith(KeycloakExtension.class)
class ResetEnumerationIT {

    /** Tries per kind of account; interleaved, so a load spike on the shared machine hits every kind alike. */
    private static final int TRIES = 10;
    /**
     * A slow but working gateway during the measurement: were the SMS sent before the response, a real account's
     * answers would be at least this much slower than an unknown one's.
     */
    private static final int GATEWAY_DELAY_MS = 3000;
    /**
     * How far apart the medians may be: a third of the gateway's delay, which a send before the response would add
     * to a real account's median in full, and several times what the noise of a loaded 2-core test machine moved
     * the medians of 10 requests by (up to 200 ms apart, whatever the kind, in our runs).
     */
    private static final long MEDIAN_TOLERANCE_MS = 1000;

    private enum Kind { REAL, UNKNOWN, NO_PHONE, DISABLED, LOCKED }

    /** The kinds the timing test compares; a locked account joins in the long run, which locks accounts first. */
    private static final Set<Kind> TIMED_KINDS = EnumSet.range(Kind.REAL, Kind.DISABLED);

    /** Samples per kind in the long run, and the accounts per kind they cycle through (so the caps come into play). */
    private static final int SAMPLES = 200;
    private static final int ACCOUNTS_PER_KIND = 5;

    private final SmsGatewayStandIn gateway;
    private final ResetFlow reset;
    private final AdminApi admin;
    private final DirectLoginApi directLogin;

    ResetEnumerationIT(KeycloakServer keycloak, AdminApi admin, StandIns standIns) throws Exception {
        this.gateway = standIns.smsGateway();
        this.admin = admin;
        this.reset = new ResetFlow(keycloak, admin, standIns.smsGateway());
        this.directLogin = new DirectLoginApi(keycloak, admin);
        reset.codeStepConfig(Map.of("bd.smsCode.ipHourlyCap", "100000"));
    }

    @AfterEach
    void gatewayWorksAgain() {
        gateway.answerOk();
    }

    /** A new ID number of the kind; the officials made with a phone (real or to be locked) are added to {@code withPhone}. */
    private String idNumberOf(Kind kind, List<Official> withPhone) throws Exception {
        return switch (kind) {
            case REAL, LOCKED -> {
                Official official = reset.official(true);
                withPhone.add(official);
                yield official.idNumber();
            }
            case UNKNOWN -> ResetFlow.newIdNumber();
            case NO_PHONE -> reset.official(false).idNumber();
            case DISABLED -> reset.disabledOfficial().idNumber();
        };
    }

    /** Starts a reset, times the answer to the ID number (added to {@code millis}) and returns its masked page. */
    private String timedAnswer(String idNumber, List<Long> millis) throws Exception {
        Browser browser = reset.start();
        long start = System.nanoTime();
        ResetFlow.submitId(browser, idNumber);
        millis.add((System.nanoTime() - start) / 1_000_000);
        assertThat(browser.last().statusCode()).isEqualTo(200);
        return masked(browser.last().body()).replace(idNumber, "ID");
    }

    /**
     * The page with what differs per request by design masked: session codes, tab ids, client data; and the
     * seconds left of the code and the cooldown, which read one less when a second ends during the request.
     */
    static String masked(String page) {
        return page.replaceAll("(session_code|tab_id|client_data|execution|kc_locale)=[^&\"']*", "$1=…")
                .replaceAll("(data-seconds|data-cooldown)=\"\\d+\"", "$1=\"…\"")
                .replaceAll("sau \\d+ giây", "sau … giây");
    }

    @Test
    void theCodePageIsTheSameInTheSameTimeAndOnlyARealAccountGetsAnSms() throws Exception {
        gateway.answerOkAfter(GATEWAY_DELAY_MS);
        Map<Kind, List<Long>> millis = new EnumMap<>(Kind.class);
        Map<Kind, String> pages = new EnumMap<>(Kind.class);
        List<Official> reals = new ArrayList<>();
        int messagesBefore = gateway.messages().size();

        for (int i = 0; i < TRIES; i++) {
            for (Kind kind : TIMED_KINDS) {
                String page = timedAnswer(idNumberOf(kind, reals), millis.computeIfAbsent(kind, k -> new ArrayList<>()));
                assertThat(page).as(kind + " page").contains(PasswordResetIT.CODE_PAGE_TEXT);
                pages.putIfAbsent(kind, page);
                assertThat(page).as(kind + " page, try " + i).isEqualTo(pages.get(Kind.REAL));
            }
        }

        Map<Kind, Long> medians = new EnumMap<>(Kind.class);
        millis.forEach((kind, values) -> medians.put(kind, values.stream().sorted().toList().get(TRIES / 2)));
        String report = "medians " + medians + ", all " + millis;
        System.out.println("Reset step-2 response times (ms): " + report);
        for (Kind kind : TIMED_KINDS) {
            assertThat(Math.abs(medians.get(kind) - medians.get(Kind.REAL))).as(report).isLessThanOrEqualTo(MEDIAN_TOLERANCE_MS);
            long minimum = millis.get(kind).stream().min(Long::compare).orElseThrow();
            long maximum = millis.get(kind).stream().max(Long::compare).orElseThrow();
            long realMinimum = millis.get(Kind.REAL).stream().min(Long::compare).orElseThrow();
            long realMaximum = millis.get(Kind.REAL).stream().max(Long::compare).orElseThrow();
            assertThat(minimum <= realMaximum && realMinimum <= maximum).as("ranges overlap: " + report).isTrue();
        }
        assertThat(medians.get(Kind.REAL)).as("a real account's answer did not wait for the gateway: " + report)
                .isLessThan(GATEWAY_DELAY_MS);

        // The sends left after the responses; each takes the gateway's delay and then records its event: once every
        // real account's send is recorded, nothing is still on its way, and the gateway's count is the final one.
        for (Official official : reals) {
            Eventually.await(Duration.ofSeconds(30), "the reset SMS recorded as sent",
                    () -> reset.eventsOfType(official, "SEND_RESET_PASSWORD"), sends -> sends >= 1);
            assertThat(reset.awaitCode(official, 0)).isNotEmpty();
            assertThat(gateway.messagesTo(official.national())).hasSize(1);
        }
        assertThat(gateway.messages().size() - messagesBefore).as("no SMS for the other kinds").isEqualTo(reals.size());
    }

    /**
     * {@value #SAMPLES} samples per kind, interleaved, each kind cycling through {@value #ACCOUNTS_PER_KIND} ID numbers,
     * so each ID is reset 40 times and the hourly cap per ID number is reached early: before and after it, every kind
     * gets the same bytes (masked as above) at the same sample, and the response times overlap.
     */
    @Test
    void twoHundredSamplesPerKindAnswerAlikeBeforeAndAfterTheCaps() throws Exception {
        gateway.answerOk();
        Map<Kind, List<String>> ids = new EnumMap<>(Kind.class);
        Map<Kind, List<Official>> withPhone = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            List<String> pool = new ArrayList<>();
            for (int i = 0; i < ACCOUNTS_PER_KIND; i++) {
                pool.add(idNumberOf(kind, withPhone.computeIfAbsent(kind, k -> new ArrayList<>())));
            }
            ids.put(kind, pool);
        }
        ObjectNode realm = (ObjectNode) admin.get("/realms/binhduong");
        ObjectNode longLock = realm.deepCopy().put("waitIncrementSeconds", 900).put("maxFailureWaitSeconds", 900);
        expectNoContent(admin.send("PUT", "/realms/binhduong", longLock));
        Map<Kind, List<Long>> millis = new EnumMap<>(Kind.class);
        int differing = 0;
        try {
            lockByWrongPasswords(withPhone.get(Kind.LOCKED));
            for (int i = 0; i < SAMPLES; i++) {
                // The caps count per clock hour: a sample whose kinds straddle the hour's turn compares capped
                // with fresh IDs, so it is taken again within the new hour.
                long hour = Instant.now().getEpochSecond() / 3600;
                Map<Kind, String> pages = new EnumMap<>(Kind.class);
                Map<Kind, Long> times = new EnumMap<>(Kind.class);
                for (Kind kind : Kind.values()) {
                    List<Long> one = new ArrayList<>();
                    pages.put(kind, timedAnswer(ids.get(kind).get(i % ACCOUNTS_PER_KIND), one));
                    times.put(kind, one.get(0));
                }
                if (Instant.now().getEpochSecond() / 3600 != hour) {
                    i--;
                    continue;
                }
                String knownPage = pages.get(Kind.REAL);
                for (Kind kind : Kind.values()) {
                    millis.computeIfAbsent(kind, k -> new ArrayList<>()).add(times.get(kind));
                    if (!pages.get(kind).equals(knownPage)) {
                        differing++;
                        assertThat(pages.get(kind)).as(kind + " page, sample " + i).isEqualTo(knownPage);
                    }
                }
            }
        } finally {
            expectNoContent(admin.send("PUT", "/realms/binhduong", realm));
        }
        Map<Kind, String> spread = new EnumMap<>(Kind.class);
        millis.forEach((kind, values) -> {
            List<Long> sorted = values.stream().sorted().toList();
            spread.put(kind, "p10 " + sorted.get(SAMPLES / 10) + ", p50 " + sorted.get(SAMPLES / 2) + ", p90 "
                    + sorted.get(SAMPLES * 9 / 10) + " ms");
        });
        List<Long> known = millis.get(Kind.REAL).stream().sorted().toList();
        for (Kind kind : Kind.values()) {
            List<Long> sorted = millis.get(kind).stream().sorted().toList();
            // The middle 80 % of each kind overlaps the known accounts' middle 80 %.
            assertThat(sorted.get(SAMPLES / 10) <= known.get(SAMPLES * 9 / 10)
                    && known.get(SAMPLES / 10) <= sorted.get(SAMPLES * 9 / 10)).as(kind + ": " + spread).isTrue();
        }
        SecurityReport.record("04-reset-enumeration",
                "The reset answers alike for a known, unknown, phoneless, disabled or locked ID number, before and after the caps",
                SAMPLES + " resets per kind × 5 kinds, interleaved, " + ACCOUNTS_PER_KIND + " IDs per kind (cap per ID reached after 5)",
                differing + " pages differing (masked bytes); times " + spread,
                "ResetEnumerationIT#twoHundredSamplesPerKindAnswerAlikeBeforeAndAfterTheCaps");
    }

    /** Brute-force detection locks each account (the realm's failure factor of wrong passwords, while direct login is on). */
    private void lockByWrongPasswords(List<Official> officials) throws Exception {
        directLogin.switchOn("ResetEnumerationIT: lock accounts");
        try {
            for (Official official : officials) {
                for (int i = 0; i < 5; i++) {
                    reset.signIn(new Official(official.id(), official.idNumber(), null), "Sai@12345");
                }
                assertThat(admin.get("/realms/binhduong/attack-detection/brute-force/users/" + official.id())
                        .path("disabled").asBoolean()).as("locked by brute-force detection").isTrue();
            }
        } finally {
            directLogin.switchOff();
        }
    }

    private static void expectNoContent(java.net.http.HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }
}

package vn.binhduong.keycloak.it.reset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import vn.binhduong.keycloak.it.reset.ResetFlow.Official;
import vn.binhduong.keycloak.it.support.AdminApi;
import vn.binhduong.keycloak.it.support.Browser;
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

    private enum Kind { REAL, UNKNOWN, NO_PHONE, DISABLED }

    private final SmsGatewayStandIn gateway;
    private final ResetFlow reset;

    ResetEnumerationIT(KeycloakServer keycloak, AdminApi admin, StandIns standIns) throws Exception {
        this.gateway = standIns.smsGateway();
        this.reset = new ResetFlow(keycloak, admin, standIns.smsGateway());
        reset.codeStepConfig(Map.of("ipHourlyCap", "100000"));
    }

    @AfterEach
    void gatewayWorksAgain() {
        gateway.answerOk();
    }

    private String idNumberOf(Kind kind, List<Official> reals) throws Exception {
        return switch (kind) {
            case REAL -> {
                Official official = reset.official(true);
                reals.add(official);
                yield official.idNumber();
            }
            case UNKNOWN -> ResetFlow.newIdNumber();
            case NO_PHONE -> reset.official(false).idNumber();
            case DISABLED -> reset.disabledOfficial().idNumber();
        };
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
            for (Kind kind : Kind.values()) {
                String idNumber = idNumberOf(kind, reals);
                Browser browser = reset.start();
                long start = System.nanoTime();
                ResetFlow.submitId(browser, idNumber);
                millis.computeIfAbsent(kind, k -> new ArrayList<>()).add((System.nanoTime() - start) / 1_000_000);

                assertThat(browser.last().statusCode()).isEqualTo(200);
                String page = masked(browser.last().body()).replace(idNumber, "ID");
                assertThat(page).as(kind + " page").contains(PasswordResetIT.CODE_PAGE_TEXT);
                pages.putIfAbsent(kind, page);
                assertThat(page).as(kind + " page, try " + i).isEqualTo(pages.get(Kind.REAL));
            }
        }

        Map<Kind, Long> medians = new EnumMap<>(Kind.class);
        millis.forEach((kind, values) -> medians.put(kind, values.stream().sorted().toList().get(TRIES / 2)));
        String report = "medians " + medians + ", all " + millis;
        System.out.println("Reset step-2 response times (ms): " + report);
        for (Kind kind : Kind.values()) {
            assertThat(Math.abs(medians.get(kind) - medians.get(Kind.REAL))).as(report).isLessThanOrEqualTo(MEDIAN_TOLERANCE_MS);
            long minimum = millis.get(kind).stream().min(Long::compare).orElseThrow();
            long maximum = millis.get(kind).stream().max(Long::compare).orElseThrow();
            long realMinimum = millis.get(Kind.REAL).stream().min(Long::compare).orElseThrow();
            long realMaximum = millis.get(Kind.REAL).stream().max(Long::compare).orElseThrow();
            assertThat(minimum <= realMaximum && realMinimum <= maximum).as("ranges overlap: " + report).isTrue();
        }
        assertThat(medians.get(Kind.REAL)).as("a real account's answer did not wait for the gateway: " + report)
                .isLessThan(GATEWAY_DELAY_MS);

        // The sends left after the responses; each takes the gateway's delay.
        Thread.sleep(GATEWAY_DELAY_MS * 2L);
        for (Official official : reals) {
            assertThat(reset.awaitCode(official, 0)).isNotEmpty();
            assertThat(gateway.messagesTo(official.national())).hasSize(1);
        }
        assertThat(gateway.messages().size() - messagesBefore).as("no SMS for the other kinds").isEqualTo(reals.size());
    }
}

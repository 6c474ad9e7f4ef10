package vn.binhduong.keycloak.directlogin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.keycloak.common.util.MultivaluedHashMap;

class ConsoleTabFormTest {

    /** 24/11/2026 08:00:37 in Vietnam. */
    private static final long EXPIRY = ZonedDateTime.of(2026, 11, 24, 8, 0, 37, 0, ConsoleTabForm.VIETNAM).toEpochSecond();
    private static final long NOW = EXPIRY - 3600;
    private static final DirectLoginState ON = new DirectLoginState(true, EXPIRY, "DVCQG lỗi OTP", "master/admin", NOW);

    @Test
    void aStateIsShownInVietnamTimeAndReadBackAsTheSameState() {
        ConsoleTabForm form = ConsoleTabForm.of(ON);

        assertThat(form).isEqualTo(new ConsoleTabForm(true, "DVCQG lỗi OTP", "24/11/2026 08:00"));
        assertThat(form.shows(ON)).isTrue();
        MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
        config.putSingle("tab", "bd-direct-login");
        form.writeTo(config);
        assertThat(ConsoleTabForm.of(config)).isEqualTo(form);
        assertThat(config.getFirst("tab")).as("the console's own keys are kept").isEqualTo("bd-direct-login");
    }

    @Test
    void anExpiryLeftAsShownKeepsItsExactSecond() {
        ConsoleTabForm newReason = new ConsoleTabForm(true, "DVCQG vẫn lỗi", "24/11/2026 08:00");

        assertThat(newReason.shows(ON)).isFalse();
        assertThat(newReason.toChange(ON).toState(NOW, "master/admin").expiresAt()).isEqualTo(EXPIRY);
    }

    @Test
    void bothDateFormatsAreReadInVietnamTime() {
        long fivePm = ZonedDateTime.of(2026, 11, 24, 17, 0, 0, 0, ConsoleTabForm.VIETNAM).toEpochSecond();

        assertThat(new ConsoleTabForm(true, "x", "24/11/2026 17:00").toChange(ON).expiresAt()).isEqualTo(fivePm);
        assertThat(new ConsoleTabForm(true, "x", " 2026-11-24 17:00 ").toChange(ON).expiresAt()).isEqualTo(fivePm);
        assertThat(new ConsoleTabForm(true, "x", null).toChange(ON).expiresAt()).isNull();
    }

    @Test
    void switchingOffDropsTheExpiryAndABlankFormShowsAnUntouchedSwitch() {
        DirectLoginState off = new ConsoleTabForm(false, "DVCQG ổn định", "24/11/2026 17:00").toChange(ON).toState(NOW, "a");

        assertThat(off.enabled()).isFalse();
        assertThat(off.expiresAt()).isNull();
        assertThat(off.reason()).isEqualTo("DVCQG ổn định");
        assertThat(new ConsoleTabForm(false, "DVCQG lỗi OTP", "24/11/2026 08:00").toChange(ON).toState(NOW, "a").reason())
                .as("only the switch flipped: the reason it was turned on with is not the reason it is turned off").isNull();
        assertThat(new ConsoleTabForm(false, null, null).shows(new DirectLoginState(false, null, null, null, null))).isTrue();
        assertThat(new ConsoleTabForm(false, null, null).shows(off)).isFalse();
    }

    @Test
    void textThatIsNoTimeIsRefusedInVietnamese() {
        for (String text : new String[] {"mai", "31/02/2026 08:00", "24/11/2026", "24/11/2026 25:00", "x".repeat(10_000)}) {
            assertThat(Refusals.vietnamese(() -> new ConsoleTabForm(true, "x", text).toChange(ON))).as(text).contains("ví dụ 24/11/2026 08:00").doesNotContain("xxxx");
        }
    }

    @Test
    void aFormNotMatchingTheSwitchIsAChange() {
        assertThat(new ConsoleTabForm(false, "DVCQG lỗi OTP", "24/11/2026 08:00").shows(ON)).isFalse();
        assertThat(new ConsoleTabForm(true, "DVCQG lỗi OTP", "24/11/2026 08:01").shows(ON)).isFalse();
        assertThat(new ConsoleTabForm(true, "DVCQG lỗi OTP", null).shows(ON)).isFalse();
        assertThat(new ConsoleTabForm(true, "DVCQG lỗi OTP", "garbage").shows(ON)).isFalse();
    }
}

package vn.binhduong.keycloak.directlogin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DirectLoginChangeTest {

    private static final long NOW = 1_800_000_000L;

    @Test
    void switchingOnWithATtlSetsTheExpiryFromNow() {
        DirectLoginState state = new DirectLoginChange(true, " DVCQG lỗi OTP ", null, 3600L).toState(NOW, "master/admin");

        assertThat(state).isEqualTo(new DirectLoginState(true, NOW + 3600, "DVCQG lỗi OTP", "master/admin", NOW));
        assertThat(state.isOpen(NOW + 3599)).isTrue();
        assertThat(state.isOpen(NOW + 3600)).isFalse();
    }

    @Test
    void switchingOnWithoutExpiryStaysOpen() {
        assertThat(new DirectLoginChange(true, "sự cố", null, null).toState(NOW, "a").isOpen(NOW + 10_000_000)).isTrue();
    }

    @Test
    void switchingOffNeedsNoReasonAndIsClosed() {
        assertThat(new DirectLoginChange(false, null, null, null).toState(NOW, "a").isOpen(NOW)).isFalse();
    }

    @Test
    void badChangesAreRefusedWithAVietnameseMessage() {
        assertThat(Refusals.vietnamese(() -> new DirectLoginChange(null, "x", null, null).toState(NOW, "a"))).contains("Thiếu");
        assertThat(Refusals.vietnamese(() -> new DirectLoginChange(true, " ", null, null).toState(NOW, "a"))).contains("lý do");
        assertThat(Refusals.vietnamese(() -> new DirectLoginChange(true, "x", NOW + 60, 60L).toState(NOW, "a"))).contains("một trong hai");
        assertThat(Refusals.vietnamese(() -> new DirectLoginChange(true, "x", NOW, null).toState(NOW, "a"))).contains("tương lai");
        assertThat(Refusals.vietnamese(() -> new DirectLoginChange(true, "x", null, 0L).toState(NOW, "a"))).contains("ttlSeconds");
        assertThat(Refusals.vietnamese(() -> new DirectLoginChange(true, "x", null, DirectLoginChange.MAX_TTL_SECONDS + 1).toState(NOW, "a")))
                .contains("ttlSeconds");
        assertThat(Refusals.vietnamese(() -> new DirectLoginChange(false, null, null, 60L).toState(NOW, "a"))).contains("khi tắt");
        assertThat(Refusals.vietnamese(() -> new DirectLoginChange(true, "x".repeat(501), null, null).toState(NOW, "a"))).contains("500");
    }
}

package vn.binhduong.keycloak.otp.phone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class PhoneBindingsTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OTHER_KEY = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);

    @Test
    void theHashIsStableHexAndHoldsNoDigitsOfTheNumberInClear() {
        String hash = PhoneBindings.hash(KEY, "+84326926565");
        assertThat(hash).hasSize(64).matches("[0-9a-f]+").isEqualTo(PhoneBindings.hash(KEY, "+84326926565"));
        assertThat(hash).doesNotContain("326926565").doesNotContain("6926565");
    }

    @Test
    void differentNumbersAndDifferentKeysGiveDifferentHashes() {
        assertThat(PhoneBindings.hash(KEY, "+84326926565")).isNotEqualTo(PhoneBindings.hash(KEY, "+84326926566"));
        assertThat(PhoneBindings.hash(KEY, "+84326926565")).isNotEqualTo(PhoneBindings.hash(OTHER_KEY, "+84326926565"));
    }
}

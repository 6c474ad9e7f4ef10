package vn.binhduong.keycloak.otp.phone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import vn.binhduong.keycloak.otp.phone.PhoneInput.Refusal;

class PhoneInputTest {

    @ParameterizedTest
    @ValueSource(strings = {"0326926565", "032 692 6565", "032.692.6565", "032-692-6565", "326926565", "+84 326 926 565"})
    void vietnameseMobilesWithTheDefaultCountryBecomeE164(String typed) {
        assertThat(PhoneInput.parse("VN", typed, false)).isEqualTo(PhoneInput.accepted("+84326926565"));
    }

    @Test
    void noCountryChosenMeansVietnam() {
        assertThat(PhoneInput.parse(null, "0912345678", false).phone()).contains("+84912345678");
    }

    @ParameterizedTest
    @CsvSource({
            "'', EMPTY",
            "'   ', EMPTY",
            "0326abc565, LETTERS",
            "không có, LETTERS",
            "03269, TOO_SHORT",
            "0326926, TOO_SHORT",
            "03269265651234567, TOO_LONG",
            "032692656512, TOO_LONG",
            "02743822222, LANDLINE",
            "0274000004, INVALID",
            "19001234, NOT_MOBILE",
    })
    void eachBadVietnameseInputHasItsOwnReason(String typed, Refusal expected) {
        assertThat(PhoneInput.parse("VN", typed, false).refusal()).isEqualTo(expected);
    }

    @Test
    void aForeignMobileIsRefusedUnlessAllowed() {
        assertThat(PhoneInput.parse("FR", "06 12 34 56 78", false).refusal()).isEqualTo(Refusal.FOREIGN);
        assertThat(PhoneInput.parse("VN", "+33 6 12 34 56 78", false).refusal()).isEqualTo(Refusal.FOREIGN);
        assertThat(PhoneInput.parse("FR", "06 12 34 56 78", true).phone()).contains("+33612345678");
    }

    @Test
    void aVietnameseNumberTypedWithItsCodeIsNotForeignWhateverTheSelector() {
        assertThat(PhoneInput.parse("FR", "+84 912 345 678", false).phone()).contains("+84912345678");
    }

    @Test
    void everyRefusalHasAMessageKeyOfTheFeature() {
        for (Refusal refusal : Refusal.values()) {
            assertThat(refusal.messageKey()).startsWith("bdOtpPhone");
        }
    }
}

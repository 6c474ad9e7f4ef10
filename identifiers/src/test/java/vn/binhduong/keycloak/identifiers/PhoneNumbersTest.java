package vn.binhduong.keycloak.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"0326926565", "032 692 6565", "+84326926565", "84326926565", "+84 32 692 6565"})
    void vietnameseMobilesInUsualFormsBecomeE164(String typed) {
        assertThat(PhoneNumbers.normalizeMobile(typed)).contains("+84326926565");
    }

    @Test
    void aForeignMobileKeepsItsCountry() {
        assertThat(PhoneNumbers.normalizeMobile("+33 6 12 34 56 78")).contains("+33612345678");
    }

    @ParameterizedTest
    @ValueSource(strings = {"02743822222", "+842743822222", "12345", "not a phone", "", "   "})
    void landlinesAndGarbageAreRefused(String typed) {
        assertThat(PhoneNumbers.normalizeMobile(typed)).isEmpty();
    }

    @Test
    void nullIsRefused() {
        assertThat(PhoneNumbers.normalizeMobile(null)).isEmpty();
    }

    @Test
    void maskShowsCountryFirstTwoAndLastThreeDigits() {
        assertThat(PhoneNumbers.mask("+84326926565")).isEqualTo("+84 32****565");
        assertThat(PhoneNumbers.mask("+84326926565")).doesNotContain("6926");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0274 3822 222", "+842743822222", "842743822222"})
    void aVietnameseLandlineIsAVietnameseNumberButNoMobile(String typed) {
        assertThat(PhoneNumbers.normalizeVietnamese(typed)).contains("+842743822222");
        assertThat(PhoneNumbers.normalizeMobile(typed)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"+33 6 12 34 56 78", "0274000004", "00912345678", "12345", ""})
    void foreignImpossibleAndEmptyNumbersAreNoVietnameseNumber(String typed) {
        assertThat(PhoneNumbers.normalizeVietnamese(typed)).isEmpty();
    }

    @Test
    void aVietnameseMobileIsAVietnameseNumberToo() {
        assertThat(PhoneNumbers.normalizeVietnamese("84326926565")).contains("+84326926565");
    }
}

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
}

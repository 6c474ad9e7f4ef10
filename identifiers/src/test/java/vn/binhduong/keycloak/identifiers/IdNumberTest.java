package vn.binhduong.keycloak.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import vn.binhduong.keycloak.identifiers.IdNumber.Verdict;

class IdNumberTest {

    @Test
    void aCccdOrACmndPassesWithItsSpacesDropped() {
        assertThat(IdNumber.parse("079197001234")).isEqualTo(new IdNumber(Verdict.VALID, "079197001234"));
        assertThat(IdNumber.parse(" 0791 9700 1234 ")).isEqualTo(new IdNumber(Verdict.VALID, "079197001234"));
        assertThat(IdNumber.parse("281197043")).isEqualTo(new IdNumber(Verdict.VALID, "281197043"));
    }

    @Test
    void nothingTypedIsMissing() {
        assertThat(IdNumber.parse(null).verdict()).isEqualTo(Verdict.MISSING);
        assertThat(IdNumber.parse("   ").verdict()).isEqualTo(Verdict.MISSING);
    }

    @Test
    void lettersSignsAndOtherDigitsAreNotDigits() {
        assertThat(IdNumber.parse("28119704A").verdict()).isEqualTo(Verdict.NOT_DIGITS);
        assertThat(IdNumber.parse("281-197-043").verdict()).isEqualTo(Verdict.NOT_DIGITS);
        assertThat(IdNumber.parse("٢٨١١٩٧٠٤٣").verdict()).as("Arabic-Indic digits").isEqualTo(Verdict.NOT_DIGITS);
    }

    @Test
    void onlyNineOrTwelveDigitsAreAnIdNumber() {
        assertThat(IdNumber.parse("28119704").verdict()).isEqualTo(Verdict.WRONG_LENGTH);
        assertThat(IdNumber.parse("2811970431").verdict()).isEqualTo(Verdict.WRONG_LENGTH);
        assertThat(IdNumber.parse("0791970012345").verdict()).isEqualTo(Verdict.WRONG_LENGTH);
    }

    @Test
    void anOversizedInputIsRefusedWhateverItHolds() {
        assertThat(IdNumber.parse("1".repeat(IdNumber.MAX_INPUT + 1)).verdict()).isEqualTo(Verdict.TOO_LONG);
        assertThat(IdNumber.parse(" ".repeat(30) + "079197001234").verdict()).isEqualTo(Verdict.TOO_LONG);
        assertThat(IdNumber.parse("x".repeat(1_000_000)).verdict()).isEqualTo(Verdict.TOO_LONG);
    }
}

package vn.binhduong.keycloak.directlogin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneLoginTest {

    @Test
    void aMobileNumberWrittenInTheUsualWaysIsAPhone() {
        assertThat(PhoneLogin.typedPhone("0912 345 678")).contains("+84912345678");
        assertThat(PhoneLogin.typedPhone("+84 912 345 678")).contains("+84912345678");
        assertThat(PhoneLogin.typedPhone(" 0326926565 ")).contains("+84326926565");
    }

    @Test
    void idNumbersAndOtherNamesAreNot() {
        assertThat(PhoneLogin.typedPhone("074090000201")).as("CCCD starting with 0").isEmpty();
        assertThat(PhoneLogin.typedPhone("012345678")).as("CMND starting with 0").isEmpty();
        assertThat(PhoneLogin.typedPhone("912345678")).as("bare nine digits are a CMND").isEmpty();
        assertThat(PhoneLogin.typedPhone("0281234567")).as("a landline").isEmpty();
        assertThat(PhoneLogin.typedPhone("admin")).isEmpty();
        assertThat(PhoneLogin.typedPhone(null)).isEmpty();
    }
}

package vn.binhduong.keycloak.otp.phone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.keycloak.credential.CredentialModel;

class OtpPhoneCredentialModelTest {

    @Test
    void aNewPhoneIsLabelledWithItsMaskedNumberAndKeepsTheNumberInItsData() {
        OtpPhoneCredentialModel phone = OtpPhoneCredentialModel.create("+84326926565", true);

        assertThat(phone.getType()).isEqualTo("bd-otp-phone");
        assertThat(phone.getUserLabel()).isEqualTo("+84 32****565");
        assertThat(phone.getCredentialData()).isEqualTo("{\"phone\":\"+84326926565\",\"receiver\":true}");
        assertThat(phone.getSecretData()).isEqualTo("{}");
    }

    @Test
    void aStoredCredentialReadsBackAndItsFlagAndNumberChange() {
        CredentialModel stored = new CredentialModel();
        stored.setId("c1");
        stored.setType(OtpPhoneCredentialModel.TYPE);
        stored.setCredentialData("{\"phone\":\"+84912345678\",\"receiver\":false,\"later\":1}");

        OtpPhoneCredentialModel phone = OtpPhoneCredentialModel.from(stored);
        assertThat(phone.getId()).isEqualTo("c1");
        assertThat(phone.phone()).isEqualTo("+84912345678");
        assertThat(phone.isReceiver()).isFalse();

        phone.setReceiver(true);
        phone.setPhone("+84326926565");
        assertThat(phone.getCredentialData()).isEqualTo("{\"phone\":\"+84326926565\",\"receiver\":true}");
        assertThat(phone.getUserLabel()).isEqualTo("+84 32****565");
    }

    @Test
    void numbersThatMaskAlikeGetDistinctLabelsAndAFlagChangeKeepsThem() {
        OtpPhoneCredentialModel phone = OtpPhoneCredentialModel.create("+84329876565", false);

        phone.labelDistinctFrom(List.of("+84 32****565", "+84 32****565 (2)", "+84 91****678"));
        assertThat(phone.getUserLabel()).isEqualTo("+84 32****565 (3)");
        phone.setReceiver(true);
        assertThat(phone.getUserLabel()).isEqualTo("+84 32****565 (3)");

        phone.labelDistinctFrom(List.of("+84 91****678"));
        assertThat(phone.getUserLabel()).isEqualTo("+84 32****565");
    }

    @Test
    void anUnreadablePayloadHasNoPhone() {
        CredentialModel stored = new CredentialModel();
        stored.setType(OtpPhoneCredentialModel.TYPE);
        stored.setCredentialData("not json");

        assertThat(OtpPhoneCredentialModel.from(stored).phone()).isNull();
    }
}

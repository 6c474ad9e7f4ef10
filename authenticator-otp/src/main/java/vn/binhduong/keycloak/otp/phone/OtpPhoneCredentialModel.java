package vn.binhduong.keycloak.otp.phone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.util.JsonSerialization;

import vn.binhduong.keycloak.identifiers.PhoneNumbers;

/**
 * A proven phone that can receive OTP codes. Credential data {@code {"phone": E.164, "receiver": true|false}}; no
 * secret. The user label is the masked number, so lists show it without revealing the number; two numbers of one user
 * that mask alike (same carrier prefix and last digits) are told apart by a counter, as Keycloak refuses two
 * credentials of a type with the same label.
 */
public final class OtpPhoneCredentialModel extends CredentialModel {

    public static final String TYPE = "bd-otp-phone";

    private final Data data;

    private OtpPhoneCredentialModel(Data data) {
        this.data = data;
    }

    /** A new credential for a number already normalised to E.164. */
    public static OtpPhoneCredentialModel create(String phoneE164, boolean receiver) {
        Data data = new Data();
        data.phone = phoneE164;
        data.receiver = receiver;
        OtpPhoneCredentialModel model = new OtpPhoneCredentialModel(data);
        model.setType(TYPE);
        model.setCreatedDate(Time.currentTimeMillis());
        model.setSecretData("{}");
        model.writeData();
        model.setUserLabel(PhoneNumbers.mask(phoneE164));
        return model;
    }

    /** Reads a stored (or admin-supplied) credential; a missing or unreadable payload yields an empty phone. */
    public static OtpPhoneCredentialModel from(CredentialModel stored) {
        Data data;
        try {
            data = stored.getCredentialData() == null ? new Data()
                    : JsonSerialization.readValue(stored.getCredentialData(), Data.class);
        } catch (IOException e) {
            data = new Data();
        }
        OtpPhoneCredentialModel model = new OtpPhoneCredentialModel(data);
        model.setId(stored.getId());
        model.setType(stored.getType());
        model.setUserLabel(stored.getUserLabel());
        model.setCreatedDate(stored.getCreatedDate());
        model.setSecretData(stored.getSecretData());
        model.setCredentialData(stored.getCredentialData());
        model.setFederationLink(stored.getFederationLink());
        return model;
    }

    /** The number in E.164 as stored; may be null or unnormalised for an admin-supplied payload not yet stored. */
    public String phone() {
        return data.phone;
    }

    public boolean isReceiver() {
        return data.receiver;
    }

    public void setPhone(String phoneE164) {
        data.phone = phoneE164;
        writeData();
        setUserLabel(PhoneNumbers.mask(phoneE164));
    }

    /** Keeps the masked number as label, with " (2)", " (3)"… if another phone of the user already shows it. */
    public void labelDistinctFrom(Collection<String> labelsOfOtherPhones) {
        String masked = PhoneNumbers.mask(data.phone);
        String label = masked;
        for (int n = 2; labelsOfOtherPhones.contains(label); n++) {
            label = masked + " (" + n + ")";
        }
        setUserLabel(label);
    }

    public void setReceiver(boolean receiver) {
        data.receiver = receiver;
        writeData();
    }

    private void writeData() {
        try {
            setCredentialData(JsonSerialization.writeValueAsString(data));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class Data {
        public String phone;
        public boolean receiver;
    }
}

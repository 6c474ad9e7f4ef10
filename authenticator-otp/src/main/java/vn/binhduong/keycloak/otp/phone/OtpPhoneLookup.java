package vn.binhduong.keycloak.otp.phone;

import java.util.List;
import java.util.Optional;

import org.keycloak.models.UserModel;

import vn.binhduong.keycloak.identifiers.PhoneNumbers;

/**
 * Reads a user's OTP phones: the {@value OtpPhoneCredentialModel#TYPE} credentials. The one reader callers use, so
 * the storage stays in this package.
 */
public final class OtpPhoneLookup {

    /** The number OTP codes go to, in E.164: the receiver, or else the first phone (its receiver was deleted). */
    public Optional<String> find(UserModel user) {
        return receiver(user).map(OtpPhoneCredentialModel::phone).flatMap(PhoneNumbers::normalizeMobile);
    }

    /** The user's phones in stored order (Keycloak's credential priority). */
    public List<OtpPhoneCredentialModel> all(UserModel user) {
        return user.credentialManager().getStoredCredentialsByTypeStream(OtpPhoneCredentialModel.TYPE)
                .map(OtpPhoneCredentialModel::from).toList();
    }

    public Optional<OtpPhoneCredentialModel> receiver(UserModel user) {
        List<OtpPhoneCredentialModel> phones = all(user);
        return phones.stream().filter(OtpPhoneCredentialModel::isReceiver).findFirst()
                .or(() -> phones.stream().findFirst());
    }

    public Optional<OtpPhoneCredentialModel> byId(UserModel user, String credentialId) {
        return all(user).stream().filter(phone -> phone.getId().equals(credentialId)).findFirst();
    }

    public boolean has(UserModel user, String phoneE164) {
        return all(user).stream().anyMatch(phone -> phoneE164.equals(phone.phone()));
    }
}

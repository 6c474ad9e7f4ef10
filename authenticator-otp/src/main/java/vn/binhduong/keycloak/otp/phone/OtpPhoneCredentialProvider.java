package vn.binhduong.keycloak.otp.phone;

import java.util.List;

import org.keycloak.credential.CredentialMetadata;
import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.credential.CredentialTypeMetadataContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import vn.binhduong.keycloak.identifiers.PhoneNumbers;
import vn.binhduong.keycloak.otp.phone.register.RegisterOtpPhoneActionFactory;

/**
 * The {@value OtpPhoneCredentialModel#TYPE} credentials: a user's proven OTP phones, one of them the receiver.
 * Every write keeps the receiver flag single and the user's {@link PhoneBindings} in step.
 */
public class OtpPhoneCredentialProvider implements CredentialProvider<OtpPhoneCredentialModel> {

    /** Account-console info shown on the receiver. */
    public static final String RECEIVER_INFO = "bdOtpPhoneReceiverInfo";

    private final KeycloakSession session;
    private final OtpPhoneLookup lookup = new OtpPhoneLookup();

    public OtpPhoneCredentialProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public String getType() {
        return OtpPhoneCredentialModel.TYPE;
    }

    /**
     * Stores a phone (from the registration action, or from an admin's {@code credentials} entry with
     * {@code credentialData} {@code {"phone": "...", "receiver": true}}). The first phone is always the receiver.
     */
    @Override
    public CredentialModel createCredential(RealmModel realm, UserModel user, OtpPhoneCredentialModel model) {
        String phone = PhoneNumbers.normalizeMobile(model.phone())
                .orElseThrow(() -> new ModelException("bd-otp-phone: not a valid mobile number"));
        if (lookup.has(user, phone)) {
            throw new ModelDuplicateException("bd-otp-phone: the user already has this number");
        }
        List<OtpPhoneCredentialModel> existing = lookup.all(user);
        boolean receiver = model.isReceiver() || existing.isEmpty();
        if (receiver) {
            existing.stream().filter(OtpPhoneCredentialModel::isReceiver).forEach(other -> flag(user, other, false));
        }
        OtpPhoneCredentialModel created = OtpPhoneCredentialModel.create(phone, receiver);
        created.labelDistinctFrom(existing.stream().map(OtpPhoneCredentialModel::getUserLabel).toList());
        CredentialModel stored = user.credentialManager().createStoredCredential(created);
        new PhoneBindings(session, realm).refresh(user);
        return stored;
    }

    /** Puts a newly proven number in place of an existing phone; it keeps its receiver flag. */
    public void replacePhone(RealmModel realm, UserModel user, String credentialId, String phoneE164) {
        OtpPhoneCredentialModel phone = owned(user, credentialId);
        if (lookup.has(user, phoneE164)) {
            throw new ModelDuplicateException("bd-otp-phone: the user already has this number");
        }
        phone.setPhone(phoneE164);
        phone.labelDistinctFrom(lookup.all(user).stream().filter(other -> !other.getId().equals(credentialId))
                .map(OtpPhoneCredentialModel::getUserLabel).toList());
        user.credentialManager().updateStoredCredential(phone);
        new PhoneBindings(session, realm).refresh(user);
    }

    /** Makes this phone the only receiver. */
    public void makeReceiver(UserModel user, String credentialId) {
        OtpPhoneCredentialModel target = owned(user, credentialId);
        lookup.all(user).stream().filter(phone -> phone.isReceiver() && !phone.getId().equals(target.getId()))
                .forEach(phone -> flag(user, phone, false));
        flag(user, target, true);
    }

    @Override
    public boolean deleteCredential(RealmModel realm, UserModel user, String credentialId) {
        if (lookup.byId(user, credentialId).isEmpty() || !user.credentialManager().removeStoredCredentialById(credentialId)) {
            return false;
        }
        afterDeletion(realm, user);
        return true;
    }

    /**
     * After a phone is gone (here, or by a Keycloak path that does not ask the provider): the first remaining phone
     * becomes the receiver if none is, and the bindings follow the phones left.
     */
    public void afterDeletion(RealmModel realm, UserModel user) {
        List<OtpPhoneCredentialModel> left = lookup.all(user);
        if (left.stream().noneMatch(OtpPhoneCredentialModel::isReceiver)) {
            left.stream().findFirst().ifPresent(next -> flag(user, next, true));
        }
        new PhoneBindings(session, realm).refresh(user);
        PhoneClaims.keepVerifiedOnlyIfHeld(user, left.stream().map(OtpPhoneCredentialModel::phone).toList());
    }

    private OtpPhoneCredentialModel owned(UserModel user, String credentialId) {
        return lookup.byId(user, credentialId)
                .orElseThrow(() -> new ModelException("bd-otp-phone: no such phone for this user"));
    }

    private static void flag(UserModel user, OtpPhoneCredentialModel phone, boolean receiver) {
        if (phone.isReceiver() != receiver) {
            phone.setReceiver(receiver);
            user.credentialManager().updateStoredCredential(phone);
        }
    }

    @Override
    public OtpPhoneCredentialModel getCredentialFromModel(CredentialModel model) {
        return OtpPhoneCredentialModel.from(model);
    }

    @Override
    public CredentialTypeMetadata getCredentialTypeMetadata(CredentialTypeMetadataContext metadataContext) {
        return CredentialTypeMetadata.builder()
                .type(getType())
                .category(CredentialTypeMetadata.Category.TWO_FACTOR)
                .displayName("bdOtpPhoneTitle")
                .helpText("bdOtpPhoneHelp")
                .iconCssClass("kcAuthenticatorDefaultClass")
                .createAction(RegisterOtpPhoneActionFactory.PROVIDER_ID)
                // Not through Keycloak's generic delete (account REST, delete_credential): bd-register-otp-phone:delete.<id>.
                .removeable(false)
                .build(session);
    }

    @Override
    public CredentialMetadata getCredentialMetadata(OtpPhoneCredentialModel credentialModel, CredentialTypeMetadata credentialTypeMetadata) {
        CredentialMetadata metadata = new CredentialMetadata();
        metadata.setCredentialModel(credentialModel);
        if (credentialModel.isReceiver()) {
            metadata.setInfoMessage(RECEIVER_INFO);
        }
        return metadata;
    }
}

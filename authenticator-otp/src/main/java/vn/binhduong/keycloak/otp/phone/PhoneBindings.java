package vn.binhduong.keycloak.otp.phone;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Which account a number is bound to, findable without keeping the number in a searchable attribute: each user
 * carries the HMAC-SHA256 of each of their phones in {@value #ATTRIBUTE}, keyed by a random per-realm key in the
 * realm attribute {@value #REALM_KEY_ATTRIBUTE} (made on first use; never rotate it, or bindings are lost).
 */
public final class PhoneBindings {

    public static final String ATTRIBUTE = "bd_otp_phone_binding";
    public static final String REALM_KEY_ATTRIBUTE = "bd.otpPhone.bindingKey";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final OtpPhoneLookup lookup = new OtpPhoneLookup();

    public PhoneBindings(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** Rewrites the user's binding attribute from the phones the user holds now. */
    public void refresh(UserModel user) {
        byte[] key = key();
        List<String> hashes = lookup.all(user).stream().map(OtpPhoneCredentialModel::phone).filter(Objects::nonNull)
                .map(phone -> hash(key, phone)).distinct().toList();
        if (hashes.isEmpty()) {
            user.removeAttribute(ATTRIBUTE);
        } else {
            user.setAttribute(ATTRIBUTE, hashes);
        }
    }

    /**
     * Whether another account holds this number. A hit is confirmed against that account's credentials, so an entry
     * left behind by a deletion that bypassed our provider (admin console, {@code delete_credential}) binds nothing.
     */
    public boolean boundToAnotherAccount(UserModel user, String phoneE164) {
        return holders(phoneE164).anyMatch(other -> !other.getId().equals(user.getId()));
    }

    /**
     * The accounts holding this number now: an indexed attribute search, never a scan of all users, each hit
     * confirmed against the account's credentials (see {@link #boundToAnotherAccount}).
     */
    public Stream<UserModel> holders(String phoneE164) {
        return session.users().searchForUserByUserAttributeStream(realm, ATTRIBUTE, hash(key(), phoneE164))
                .filter(holder -> lookup.has(holder, phoneE164));
    }

    static String hash(byte[] key, String phoneE164) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(phoneE164.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] key() {
        String stored = realm.getAttribute(REALM_KEY_ATTRIBUTE);
        if (stored == null || stored.isBlank()) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            stored = Base64.getEncoder().encodeToString(key);
            realm.setAttribute(REALM_KEY_ATTRIBUTE, stored);
        }
        return Base64.getDecoder().decode(stored);
    }
}

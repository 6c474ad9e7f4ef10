package vn.binhduong.keycloak.otp.phone;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.keycloak.credential.CredentialProvider;
import org.keycloak.events.Details;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Keycloak deletes a credential through the admin console, the admin REST API and its {@code delete_credential}
 * action without asking the credential's provider. This listener hears those deletions of an OTP phone and lets
 * {@link OtpPhoneCredentialProvider#afterDeletion} pick the next receiver and drop the number's binding.
 */
public class OtpPhoneDeletionListener implements EventListenerProvider {

    /** {@code users/<userId>/credentials/<credentialId>}, the path of the admin event of a credential deletion. */
    private static final Pattern CREDENTIAL_PATH = Pattern.compile("(?:.*/)?users/([^/]+)/credentials/[^/]+");

    private final KeycloakSession session;

    public OtpPhoneDeletionListener(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(Event event) {
        if (event.getType() == EventType.REMOVE_CREDENTIAL && event.getDetails() != null
                && OtpPhoneCredentialModel.TYPE.equals(event.getDetails().get(Details.CREDENTIAL_TYPE))) {
            afterDeletion(event.getRealmId(), event.getUserId());
        }
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        if (event.getOperationType() != OperationType.ACTION || event.getResourcePath() == null
                || event.getDetails() == null
                || !OtpPhoneCredentialModel.TYPE.equals(event.getDetails().get(Details.CREDENTIAL_TYPE))) {
            return;
        }
        Matcher path = CREDENTIAL_PATH.matcher(event.getResourcePath());
        if (path.matches()) {
            afterDeletion(event.getRealmId(), path.group(1));
        }
    }

    private void afterDeletion(String realmId, String userId) {
        RealmModel realm = realmId == null ? null : session.realms().getRealm(realmId);
        UserModel user = realm == null || userId == null ? null : session.users().getUserById(realm, userId);
        if (user != null) {
            ((OtpPhoneCredentialProvider) session.getProvider(CredentialProvider.class,
                    OtpPhoneCredentialProviderFactory.PROVIDER_ID)).afterDeletion(realm, user);
        }
    }

    @Override
    public void close() {
    }
}

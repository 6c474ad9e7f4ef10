package vn.binhduong.keycloak.otp.phone;

import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** Global (no realm setting needed): OTP phones must stay consistent whatever deleted one. */
public class OtpPhoneDeletionListenerFactory implements EventListenerProviderFactory {

    public static final String PROVIDER_ID = "bd-otp-phone-deletion";

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new OtpPhoneDeletionListener(session);
    }

    @Override
    public boolean isGlobal() {
        return true;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}

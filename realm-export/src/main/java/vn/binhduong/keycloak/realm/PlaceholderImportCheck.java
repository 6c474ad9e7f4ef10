package vn.binhduong.keycloak.realm;

import java.util.Map;
import java.util.Set;

import org.jboss.logging.Logger;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;

class PlaceholderImportCheck implements RealmImportCheck {

    private static final Logger LOG = Logger.getLogger(PlaceholderImportCheck.class);

    @Override
    public void check(RealmModel realm) {
        realm.getClientsStream().forEach(this::checkClient);
        realm.getIdentityProvidersStream()
                .forEach(idp -> checkMap("identity provider " + idp.getAlias(), idp.getConfig()));
        checkMap("realm attributes", realm.getAttributes());
        checkMap("SMTP settings", realm.getSmtpConfig());
        realm.getAuthenticatorConfigsStream()
                .forEach(config -> checkMap("authenticator config " + config.getAlias(), config.getConfig()));
        realm.getComponentsStream()
                .forEach(component -> component.getConfig().forEach((key, values) ->
                        values.forEach(value -> checkValue("component " + component.getName() + " (" + key + ")", value))));
    }

    private void checkClient(ClientModel client) {
        String where = "client " + client.getClientId();
        checkValue(where + " secret", client.getSecret());
        checkValue(where + " root URL", client.getRootUrl());
        checkValue(where + " base URL", client.getBaseUrl());
        client.getRedirectUris().forEach(uri -> checkValue(where + " redirect URI", uri));
        client.getWebOrigins().forEach(origin -> checkValue(where + " web origin", origin));
        checkMap(where + " attributes", client.getAttributes());
    }

    private void checkMap(String where, Map<String, String> values) {
        if (values != null) {
            values.forEach((key, value) -> checkValue(where + " (" + key + ")", value));
        }
    }

    private void checkValue(String where, String value) {
        Set<String> missing = UnresolvedPlaceholders.in(value);
        if (!missing.isEmpty()) {
            String variable = missing.iterator().next();
            String message = "Realm import refused: environment variable " + variable + " is not set (used by " + where
                    + ")";
            LOG.error(message);
            throw new ModelException(message);
        }
    }
}

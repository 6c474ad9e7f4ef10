package vn.binhduong.keycloak.realm;

import org.keycloak.models.RealmModel;
import org.keycloak.provider.Provider;

/** Refuses a freshly imported realm that still carries placeholders of environment variables that are not set. */
public interface RealmImportCheck extends Provider {

    /** @throws org.keycloak.models.ModelException naming the first missing variable and where it is used */
    void check(RealmModel realm);

    @Override
    default void close() {
    }
}

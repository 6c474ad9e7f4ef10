package vn.binhduong.keycloak.otp.sender;

import java.util.Map;
import java.util.Set;

import org.keycloak.Config;

/** Server options of one provider, as Keycloak hands them to {@code init}. */
public final class MapScope extends Config.AbstractScope {

    private final Map<String, String> options;

    public MapScope(Map<String, String> options) {
        this.options = options;
    }

    @Override
    public String get(String key) {
        return options.get(key);
    }

    @Override
    public Config.Scope scope(String... path) {
        throw new UnsupportedOperationException("no nested scopes");
    }

    @Override
    public Set<String> getPropertyNames() {
        return options.keySet();
    }

    @Override
    public Config.Scope root() {
        return this;
    }
}

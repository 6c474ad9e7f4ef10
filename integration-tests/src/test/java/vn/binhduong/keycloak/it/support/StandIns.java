package vn.binhduong.keycloak.it.support;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The loopback stand-ins for what lies outside Keycloak (DVCQG, SMS gateways, captcha verification), started
 * before Keycloak so that its server options and the realm's environment can point at them.
 */
public final class StandIns implements AutoCloseable {

    private final Map<String, String> serverOptions = new LinkedHashMap<>();
    private final Map<String, String> environment = new LinkedHashMap<>();

    static StandIns start() {
        return new StandIns();
    }

    /** {@code kc.sh} options (without the leading dashes) that aim Keycloak's SPIs at the stand-ins. */
    Map<String, String> serverOptions() {
        return serverOptions;
    }

    /** Variables the realm import resolves, such as the stand-ins' URLs. */
    Map<String, String> environment() {
        return environment;
    }

    @Override
    public void close() {
    }
}

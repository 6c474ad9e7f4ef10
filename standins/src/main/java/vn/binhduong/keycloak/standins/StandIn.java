package vn.binhduong.keycloak.standins;

import java.util.Map;

/**
 * A loopback HTTP server that plays a system outside Keycloak (DVCQG, an SMS gateway, a captcha verifier) in the
 * tests and the local demo. It is started before Keycloak so that Keycloak can be pointed at it.
 */
public interface StandIn extends AutoCloseable {

    /** {@code kc.sh} options, without the leading dashes, that aim Keycloak's SPIs at this stand-in. */
    default Map<String, String> serverOptions() {
        return Map.of();
    }

    /** Variables the realm import resolves, such as this stand-in's URLs. */
    default Map<String, String> environment() {
        return Map.of();
    }

    @Override
    void close();
}

package vn.binhduong.keycloak.it.support;

import java.util.Set;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Boots the stand-ins and Keycloak once for the whole test run (JUnit's root store closes them at the end) and
 * injects them into test classes' constructors or methods.
 */
public class KeycloakExtension implements ParameterResolver {

    /** The booted system, or why it could not boot (kept, so that one failed boot is not retried per class). */
    private record TestSystem(StandIns standIns, KeycloakServer keycloak, RuntimeException failure)
            implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws Throwable {
            if (failure != null) {
                return;
            }
            Set<String> leaks;
            try {
                // The log scan once more, over the whole run: an AssertionError here fails the run (surefire
                // reports it under "JUnit Jupiter"), whatever order the classes ran in.
                leaks = ServerLogScan.run(keycloak, new AdminApi(keycloak), standIns).findings();
            } finally {
                try {
                    keycloak.close();
                } finally {
                    standIns.close();
                }
            }
            if (!leaks.isEmpty()) {
                throw new AssertionError("server log scan at the end of the run: " + leaks);
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == KeycloakServer.class || type == StandIns.class || type == AdminApi.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        TestSystem system = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(TestSystem.class, key -> boot(), TestSystem.class);
        if (system.failure() != null) {
            throw system.failure();
        }
        Class<?> type = parameter.getParameter().getType();
        if (type == StandIns.class) {
            return system.standIns();
        }
        if (type == AdminApi.class) {
            return new AdminApi(system.keycloak());
        }
        return system.keycloak();
    }

    private static TestSystem boot() {
        StandIns standIns = StandIns.start();
        try {
            return new TestSystem(standIns, KeycloakServer.start(standIns), null);
        } catch (Exception e) {
            standIns.close();
            return new TestSystem(null, null, new IllegalStateException("Could not boot the test Keycloak", e));
        }
    }
}

package vn.binhduong.keycloak.it.support;

import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Keycloak's clock in the test server ({@code Time}'s offset, through the test-only {@code test-clock} provider
 * that only this server has): moved forward instead of waiting for a code to expire, a cooldown to end or
 * Keycloak's quick-login check to pass. Every expiry of ours and Keycloak's brute-force timing read that clock.
 * The offset is the whole server's: {@link #close()} puts it back, so open one per test with try-with-resources.
 */
public final class ServerClock implements AutoCloseable {

    private static final String PATH = "/realms/" + KeycloakUnderTest.REALM + "/bd-test-clock";

    private final AdminApi admin;

    public ServerClock(AdminApi admin) {
        this.admin = admin;
    }

    /** Moves the server's clock forward; whole seconds, as Keycloak's offset counts. */
    public void advance(Duration by) throws Exception {
        long seconds = Math.max(1, (by.toMillis() + 999) / 1000);
        expectOk(admin.send("POST", PATH + "?seconds=" + seconds, null));
    }

    @Override
    public void close() throws Exception {
        expectOk(admin.send("DELETE", PATH, null));
    }

    private static void expectOk(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("test clock: " + response.statusCode() + " " + response.body());
        }
    }
}

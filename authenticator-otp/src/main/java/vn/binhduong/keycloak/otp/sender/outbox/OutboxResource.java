package vn.binhduong.keycloak.otp.sender.outbox;

import java.io.IOException;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /realms/<realm>/bd-sms-outbox[?to=+84…][&limit=N]}: the outbox's messages, latest first, as JSON,
 * for a developer or tester. Served only where the outbox itself may run (see {@link OutboxResourceProviderFactory}).
 */
public class OutboxResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1000;

    private final OutboxMessages messages;

    OutboxResource(OutboxMessages messages) {
        this.messages = messages;
    }

    // Since Keycloak 23 (RESTEasy Reactive) a sub-resource method needs its own @Path, even an empty one.
    @GET
    @Path("")
    @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
    public List<OutboxMessage> latest(@QueryParam("to") String to, @QueryParam("limit") Integer limit) throws IOException {
        int bounded = limit == null ? DEFAULT_LIMIT : Math.max(1, Math.min(limit, MAX_LIMIT));
        return messages.latest(to == null || to.isBlank() ? null : to.trim(), bounded);
    }
}

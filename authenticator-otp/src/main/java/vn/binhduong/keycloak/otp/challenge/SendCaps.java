package vn.binhduong.keycloak.otp.challenge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import org.keycloak.models.SingleUseObjectProvider;

/**
 * Hourly send counters kept cluster-wide in {@link SingleUseObjectProvider}. A cap of N is N slots per subject and
 * hour ({@code epochSecond / 3600}); a send claims one with {@code putIfAbsent}, which no two requests on any node
 * can both win, so the cap is exact under concurrency. Keys hold a hash, never the phone, ID number or IP itself.
 */
public final class SendCaps {

    private static final String PREFIX = "bd-sms-cap:";
    private static final String NEXT = "next";
    private static final int WINDOW_SECONDS = 3600;

    /** One claimed slot, given back when the gateway sent nothing. */
    public record Claim(String slotKey, String hintKey, int slot) {
    }

    private final SingleUseObjectProvider store;

    public SendCaps(SingleUseObjectProvider store) {
        this.store = store;
    }

    /** Claims one of the hour's {@code cap} sends for {@code subject}; empty when all are taken. */
    public Optional<Claim> claim(String kind, String subject, int cap, int nowSeconds) {
        String base = PREFIX + kind + ":" + sha256(subject) + ":" + (nowSeconds / WINDOW_SECONDS);
        String hintKey = base + ":" + NEXT;
        // The hint only saves probing slots known to be taken; a stale one costs a few more probes, never a slot.
        for (int slot = Math.max(1, hint(hintKey)); slot <= cap; slot++) {
            String slotKey = base + ":" + slot;
            if (store.putIfAbsent(slotKey, WINDOW_SECONDS)) {
                store.put(hintKey, WINDOW_SECONDS, Map.of(NEXT, Integer.toString(slot + 1)));
                return Optional.of(new Claim(slotKey, hintKey, slot));
            }
        }
        return Optional.empty();
    }

    /** Frees a slot whose send failed: failed sends count toward no cap. */
    public void release(Claim claim) {
        store.remove(claim.slotKey());
        if (hint(claim.hintKey()) > claim.slot()) {
            store.put(claim.hintKey(), WINDOW_SECONDS, Map.of(NEXT, Integer.toString(claim.slot())));
        }
    }

    private int hint(String hintKey) {
        Map<String, String> notes = store.get(hintKey);
        if (notes == null) {
            return 1;
        }
        try {
            return Integer.parseInt(notes.getOrDefault(NEXT, "1"));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package vn.binhduong.keycloak.otp.challenge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import org.keycloak.models.SingleUseObjectProvider;

/**
 * Hourly send counters kept cluster-wide in {@link SingleUseObjectProvider}. A cap of N is N numbered slots per
 * subject and hour ({@code epochSecond / 3600}); a send claims one with {@code putIfAbsent}, which no two requests
 * on any node can both win, so the cap is exact under concurrency. Only the store's immediate operations are used
 * ({@code contains}, {@code putIfAbsent}, {@code remove}), never its request-transactional {@code put}, so a claim
 * holds at once for every other request. Keys hold a hash, never the phone, ID number or IP itself.
 */
public final class SendCaps {

    private static final String PREFIX = "bd-sms-cap:";
    private static final int WINDOW_SECONDS = 3600;

    /** One claimed slot, given back when the gateway sent nothing. */
    public record Claim(String slotKey) {
    }

    private final SingleUseObjectProvider store;

    public SendCaps(SingleUseObjectProvider store) {
        this.store = store;
    }

    /** Claims one of the hour's {@code cap} sends for {@code subject}; empty when all are taken. */
    public Optional<Claim> claim(String kind, String subject, int cap, int nowSeconds) {
        String base = PREFIX + kind + ":" + sha256(subject) + ":" + (nowSeconds / WINDOW_SECONDS) + ":";
        // Slots fill from 1 up: a binary search finds the first free one in log2(cap) lookups, then claims go up
        // from there (a lost race moves to the next slot). A slot freed below it is skipped: a cap reached a little
        // early after a gateway failure, never exceeded.
        int low = 1;
        int high = cap;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (store.contains(base + middle)) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        for (int slot = low; slot <= cap; slot++) {
            if (store.putIfAbsent(base + slot, WINDOW_SECONDS)) {
                return Optional.of(new Claim(base + slot));
            }
        }
        return Optional.empty();
    }

    /** Frees a slot whose send failed: failed sends count toward no cap. */
    public void release(Claim claim) {
        store.remove(claim.slotKey());
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package vn.binhduong.keycloak.otp.challenge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import org.keycloak.models.SingleUseObjectProvider;

/**
 * Hourly send counters per phone and per client IP, kept cluster-wide in {@link SingleUseObjectProvider}. A fixed
 * one-hour window ({@code epochSecond / 3600}) per key; the key holds a hash, never the phone or the IP itself.
 */
public final class SendCaps {

    private static final String PREFIX = "bd-sms-otp-cap:";
    private static final String COUNT = "n";
    private static final int WINDOW_SECONDS = 3600;

    private final SingleUseObjectProvider store;

    public SendCaps(SingleUseObjectProvider store) {
        this.store = store;
    }

    public boolean allows(String kind, String subject, int cap, int nowSeconds) {
        return count(key(kind, subject, nowSeconds)) < cap;
    }

    public void record(String kind, String subject, int nowSeconds) {
        String key = key(kind, subject, nowSeconds);
        int count = count(key);
        if (count == 0) {
            store.put(key, WINDOW_SECONDS, Map.of(COUNT, "1"));
        } else {
            store.replace(key, Map.of(COUNT, Integer.toString(count + 1)));
        }
    }

    private int count(String key) {
        Map<String, String> notes = store.get(key);
        return notes == null ? 0 : Integer.parseInt(notes.getOrDefault(COUNT, "0"));
    }

    private static String key(String kind, String subject, int nowSeconds) {
        return PREFIX + kind + ":" + sha256(subject) + ":" + (nowSeconds / WINDOW_SECONDS);
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

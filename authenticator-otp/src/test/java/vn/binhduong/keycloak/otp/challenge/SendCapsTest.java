package vn.binhduong.keycloak.otp.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.models.SingleUseObjectProvider;

class SendCapsTest {

    /** An in-memory stand-in of Keycloak's cluster store (lifespans ignored: the window is in the key). */
    private static final class MapStore implements SingleUseObjectProvider {
        final Map<String, Map<String, String>> entries = new HashMap<>();
        public void put(String key, long lifespanSeconds, Map<String, String> notes) { entries.put(key, notes); }
        public Map<String, String> get(String key) { return entries.get(key); }
        public Map<String, String> remove(String key) { return entries.remove(key); }
        public boolean replace(String key, Map<String, String> notes) { return entries.replace(key, notes) != null; }
        public boolean putIfAbsent(String key, long lifespan) { return entries.putIfAbsent(key, Map.of()) == null; }
        public boolean contains(String key) { return entries.containsKey(key); }
        public void close() { }
    }

    private final MapStore store = new MapStore();
    private final SendCaps caps = new SendCaps(store);
    private static final int NOON = 1_700_002_800; // a whole hour: 1_700_002_800 / 3600 = 472_223

    @Test
    void capHoldsAtExactlyTheLimit() {
        for (int i = 0; i < 5; i++) {
            assertThat(caps.allows("phone", "+84912345678", 5, NOON + i)).isTrue();
            caps.record("phone", "+84912345678", NOON + i);
        }
        assertThat(caps.allows("phone", "+84912345678", 5, NOON + 10)).isFalse();
    }

    @Test
    void otherPhonesAndKindsCountApart() {
        for (int i = 0; i < 5; i++) {
            caps.record("phone", "+84912345678", NOON);
        }
        assertThat(caps.allows("phone", "+84912345679", 5, NOON)).isTrue();
        assertThat(caps.allows("ip", "+84912345678", 5, NOON)).isTrue();
    }

    @Test
    void theNextHourStartsAfresh() {
        for (int i = 0; i < 5; i++) {
            caps.record("phone", "+84912345678", NOON);
        }
        assertThat(caps.allows("phone", "+84912345678", 5, NOON + 3599)).isFalse();
        assertThat(caps.allows("phone", "+84912345678", 5, NOON + 3600)).isTrue();
    }

    @Test
    void keysHoldNoPhoneNumberOrAddress() {
        caps.record("phone", "+84912345678", NOON);
        caps.record("ip", "203.0.113.9", NOON);
        assertThat(store.entries.keySet()).noneMatch(key -> key.contains("912345678") || key.contains("203.0.113.9"));
    }
}

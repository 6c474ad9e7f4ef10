package vn.binhduong.keycloak.otp.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.keycloak.models.SingleUseObjectProvider;

class SendCapsTest {

    /** An in-memory stand-in of Keycloak's cluster store, as atomic as Infinispan's (lifespans ignored: the window is in the key). */
    private static final class MapStore implements SingleUseObjectProvider {
        final Map<String, Map<String, String>> entries = new ConcurrentHashMap<>();
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
            assertThat(caps.claim("login", "phone:+84912345678", 5, NOON + i)).isPresent();
        }
        assertThat(caps.claim("login", "phone:+84912345678", 5, NOON + 10)).isEmpty();
    }

    @Test
    void parallelClaimsNeverExceedTheCap() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> claims = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            claims.add(pool.submit(() -> {
                start.await();
                return caps.claim("ip", "203.0.113.9", 20, NOON).isPresent();
            }));
        }
        start.countDown();
        int granted = 0;
        for (Future<Boolean> claim : claims) {
            granted += claim.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(granted).isEqualTo(20);
    }

    @Test
    void aReleasedSlotCanBeClaimedAgain() {
        for (int i = 0; i < 4; i++) {
            caps.claim("login", "phone:+84912345678", 5, NOON);
        }
        SendCaps.Claim last = caps.claim("login", "phone:+84912345678", 5, NOON).orElseThrow();
        caps.release(last);
        assertThat(caps.claim("login", "phone:+84912345678", 5, NOON)).isPresent();
        assertThat(caps.claim("login", "phone:+84912345678", 5, NOON)).isEmpty();
    }

    @Test
    void otherSubjectsAndScopesCountApart() {
        for (int i = 0; i < 5; i++) {
            caps.claim("anonymous", "id:012345678901", 5, NOON);
        }
        assertThat(caps.claim("anonymous", "id:012345678901", 5, NOON)).isEmpty();
        assertThat(caps.claim("anonymous", "id:012345678902", 5, NOON)).isPresent();
        assertThat(caps.claim("login", "id:012345678901", 5, NOON)).isPresent();
    }

    @Test
    void theNextHourStartsAfresh() {
        for (int i = 0; i < 5; i++) {
            caps.claim("login", "phone:+84912345678", 5, NOON);
        }
        assertThat(caps.claim("login", "phone:+84912345678", 5, NOON + 3599)).isEmpty();
        assertThat(caps.claim("login", "phone:+84912345678", 5, NOON + 3600)).isPresent();
    }

    @Test
    void keysHoldNoPhoneNumberOrAddress() {
        caps.claim("login", "phone:+84912345678", 5, NOON);
        caps.claim("ip", "203.0.113.9", 5, NOON);
        assertThat(store.entries.keySet()).noneMatch(key -> key.contains("912345678") || key.contains("203.0.113.9"));
    }
}

package vn.binhduong.keycloak.it.support;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * Waiting on a condition instead of a fixed sleep: a loaded machine makes a test slower, never wrong. The one place
 * in the tests that pauses, between two reads of the condition.
 */
public final class Eventually {

    private static final Duration POLL = Duration.ofMillis(100);

    /** A read of the system under test; may throw whatever the read throws. */
    @FunctionalInterface
    public interface Probe<T> {
        T read() throws Exception;
    }

    private Eventually() {
    }

    /** Reads until the value satisfies the condition and returns it; fails with the last value after {@code timeout}. */
    public static <T> T await(Duration timeout, String what, Probe<T> probe, Predicate<? super T> condition)
            throws Exception {
        T last = poll(timeout, probe, condition);
        if (!condition.test(last)) {
            throw new AssertionError(what + ": not within " + timeout + "; last seen " + last);
        }
        return last;
    }

    /** Waits until the check holds; fails after {@code timeout}. */
    public static void await(Duration timeout, String what, Probe<Boolean> check) throws Exception {
        await(timeout, what, check, Boolean.TRUE::equals);
    }

    /** Reads until the value satisfies the condition or {@code timeout} passed; returns the last value read either way. */
    public static <T> T poll(Duration timeout, Probe<T> probe, Predicate<? super T> condition) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        T value = probe.read();
        while (!condition.test(value) && Instant.now().isBefore(deadline)) {
            Thread.sleep(POLL.toMillis());
            value = probe.read();
        }
        return value;
    }
}

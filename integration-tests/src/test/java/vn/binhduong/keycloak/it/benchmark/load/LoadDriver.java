package vn.binhduong.keycloak.it.benchmark.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Closed-loop load: {@code concurrency} threads, each one person after another (a fresh cookie jar each time), for
 * a fixed time; logins started before the end are waited for and counted. Users are taken in turn from their
 * population, so no user logs in twice within a population's length of logins (the brute-force detector's
 * quick-login check and TOTP replay protection never see one user hammered). Threads are spread over the nodes.
 */
final class LoadDriver {

    /**
     * One flow and the people who walk it. With a {@code paceMillis}, each thread starts a try at most that often
     * (a person who comes back at that rate, whatever the server answers); with 0, as soon as the last one ends.
     */
    record Load(String name, Flows.Flow flow, int users, int concurrency, long paceMillis) {
        Load(String name, Flows.Flow flow, int users, int concurrency) {
            this(name, flow, users, concurrency, 0);
        }

        Load at(int threads) {
            return new Load(name, flow, users, threads, paceMillis);
        }
    }

    private final List<String> nodes;
    private final List<ProcessMeter> meters;
    private final Map<String, AtomicInteger> nextUser = new ConcurrentHashMap<>();

    LoadDriver(List<String> nodes, List<ProcessMeter> meters) {
        this.nodes = nodes;
        this.meters = meters;
    }

    /** Runs the measured load for {@code seconds}, with an unmeasured background load beside it (or null). */
    Window run(Load measured, Load background, double seconds) throws InterruptedException {
        return run(measured, background, new Window(), seconds);
    }

    /** As {@link #run(Load, Load, double)}, counting the background's tries in {@code backgroundTries}. */
    Window run(Load measured, Load background, Window backgroundTries, double seconds) throws InterruptedException {
        Window window = new Window();
        meters.forEach(ProcessMeter::resetPeak);
        double cpuBefore = cpu();
        double jitBefore = jit();
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        List<Thread> others = background == null ? List.of() : threads(background, backgroundTries, deadline);
        for (Thread thread : threads(measured, window, deadline)) {
            thread.join();
        }
        // The window ends with its last measured login; the background's last tries run out after it.
        double wall = (System.nanoTime() - start) / 1e6;
        window.measured(wall, cpu() - cpuBefore, jit() - jitBefore, meters.stream().mapToDouble(ProcessMeter::peakRssMib).max().orElse(0));
        for (Thread thread : others) {
            thread.join();
        }
        return window;
    }

    private List<Thread> threads(Load load, Window window, long deadline) {
        AtomicInteger counter = nextUser.computeIfAbsent(load.name(), name -> new AtomicInteger());
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < load.concurrency(); t++) {
            Visitor visitor = new Visitor(nodes.get(t % nodes.size()));
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    int user = Math.floorMod(counter.getAndIncrement(), load.users());
                    long begin = System.nanoTime();
                    try {
                        load.flow().run(visitor, user);
                        window.success(System.nanoTime() - begin);
                    } catch (Exception e) {
                        window.failure(e);
                    }
                    // The next arrival of a paced person: its time is set by the schedule, not by a condition.
                    long next = Math.min(begin + TimeUnit.MILLISECONDS.toNanos(load.paceMillis()), deadline);
                    for (long wait = next - System.nanoTime(); wait > 0; wait = next - System.nanoTime()) {
                        LockSupport.parkNanos(wait);
                    }
                }
            }, load.name() + "-" + t);
            thread.start();
            threads.add(thread);
        }
        return threads;
    }

    private double cpu() {
        return meters.stream().mapToDouble(ProcessMeter::cpuMillis).sum();
    }

    private double jit() {
        return meters.stream().mapToDouble(ProcessMeter::jitCpuMillis).sum();
    }
}

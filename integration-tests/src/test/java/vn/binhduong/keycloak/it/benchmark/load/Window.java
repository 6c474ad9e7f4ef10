package vn.binhduong.keycloak.it.benchmark.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * What one or more load windows of one flow measured: each successful login's latency, the failures, the
 * windows' wall time, the Keycloak process's CPU time over them and the highest peak RSS of any window.
 */
final class Window {

    private final List<Double> millis = new ArrayList<>();
    private int errors;
    private String firstError;
    private double wallMillis;
    private double cpuMillis;
    private double jitMillis;
    private double peakRssMib;

    synchronized void success(long nanos) {
        millis.add(nanos / 1_000_000.0);
    }

    synchronized void failure(Exception e) {
        if (errors++ == 0) {
            firstError = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    void measured(double wallMillis, double cpuMillis, double jitMillis, double peakRssMib) {
        this.wallMillis = wallMillis;
        this.cpuMillis = cpuMillis;
        this.jitMillis = jitMillis;
        this.peakRssMib = peakRssMib;
    }

    /** The windows of one flow put together: counts and times added, peak taken. */
    static Window merge(List<Window> windows) {
        Window all = new Window();
        for (Window w : windows) {
            all.millis.addAll(w.millis);
            all.errors += w.errors;
            all.firstError = all.firstError != null ? all.firstError : w.firstError;
            all.wallMillis += w.wallMillis;
            all.cpuMillis += w.cpuMillis;
            all.jitMillis += w.jitMillis;
            all.peakRssMib = Math.max(all.peakRssMib, w.peakRssMib);
        }
        return all;
    }

    int logins() {
        return millis.size();
    }

    int errors() {
        return errors;
    }

    String firstError() {
        return firstError;
    }

    double perSecond() {
        return logins() / (wallMillis / 1000.0);
    }

    double cpuMillisPerLogin() {
        return cpuMillis / logins();
    }

    /** The same without the JIT compiler threads' time (see {@link ProcessMeter#jitCpuMillis()}). */
    double cpuMillisPerLoginWithoutJit() {
        return (cpuMillis - jitMillis) / logins();
    }

    /** Server CPU time per wall second, in cores (2.0 is this machine's whole). */
    double cores() {
        return cpuMillis / wallMillis;
    }

    double peakRssMib() {
        return peakRssMib;
    }

    /** Nearest-rank percentile, in milliseconds. */
    double percentile(int p) {
        if (millis.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d ok, %d errors, %.2f/s, p50 %.0f p95 %.0f p99 %.0f ms, %.0f CPU ms/login (%.0f without JIT), %.0f MiB",
                logins(), errors, perSecond(), percentile(50), percentile(95), percentile(99), cpuMillisPerLogin(),
                cpuMillisPerLoginWithoutJit(), peakRssMib);
    }
}

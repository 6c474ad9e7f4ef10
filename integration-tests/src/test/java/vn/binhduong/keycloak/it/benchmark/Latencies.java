package vn.binhduong.keycloak.it.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Wall-clock durations of one kind of login, in milliseconds, and their summary line. */
final class Latencies {

    private final String name;
    private final List<Double> millis = new ArrayList<>();

    Latencies(String name) {
        this.name = name;
    }

    void add(long nanos) {
        millis.add(nanos / 1_000_000.0);
    }

    int count() {
        return millis.size();
    }

    /** Nearest-rank percentile. */
    double percentile(int p) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    double mean() {
        return millis.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    String markdownRow() {
        return String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f |", name, count(), percentile(50),
                percentile(90), percentile(100), mean());
    }

    static String markdownHeader() {
        return "| login | n | p50 ms | p90 ms | max ms | mean ms |\n|---|---|---|---|---|---|";
    }
}

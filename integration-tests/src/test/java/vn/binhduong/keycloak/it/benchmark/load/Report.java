package vn.binhduong.keycloak.it.benchmark.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Writes {@code docs/benchmarks.md} and draws its chart with gnuplot. */
final class Report {

    private final List<Row> rows;
    private final List<String> notes;

    Report(List<Row> rows, List<String> notes) {
        this.rows = rows;
        this.notes = notes;
    }

    String markdown(String header, BootTimes boot) {
        StringBuilder md = new StringBuilder(header);
        if (boot.stock.isEmpty()) {
            md.append("\n## Boot time\n\nNot measured in this run (`-Dbench.bootRounds=0`).\n");
        } else {
            bootTable(md, boot);
        }
        results(md);
        notes.forEach(note -> md.append("\n").append(note).append("\n"));
        md.append(targets(boot));
        md.append("\n![Throughput and p95 latency against concurrency](benchmarks.png)\n");
        return md.toString();
    }

    private static void bootTable(StringBuilder md, BootTimes boot) {
        md.append("\n## Boot time\n\nFrom the process start to `/health/ready` answering 200 (`kc.sh start --optimized` after ")
                .append("`kc.sh build`). The three variants boot in turn, their order rotating each round. With the bundle and no ")
                .append("realm import is the bundle's own cost, and what a restart costs once the realm is in the database; ")
                .append("the import is a first boot's (the `dev-mem` database here starts empty each time).\n\n")
                .append("| server | median ms | each run ms | `kc.sh build` ms |\n|---|---|---|---|\n")
                .append(bootRow("stock Keycloak", boot.stock, boot.stockBuildMillis))
                .append(bootRow("with the bundle", boot.ours, boot.oursBuildMillis))
                .append(bootRow("with the bundle, importing our realm", boot.oursImport, boot.oursBuildMillis))
                .append(String.format(Locale.ROOT, "%nThe bundle changes the boot by **%+d ms**; importing the realm adds another %+d ms (medians).%n",
                        bootCost(boot), BootTimes.median(boot.oursImport) - BootTimes.median(boot.ours)));
    }

    private static String bootRow(String label, List<Long> boots, long buildMillis) {
        return String.format(Locale.ROOT, "| %s | %d | %s | %d |%n", label, BootTimes.median(boots), boots, buildMillis);
    }

    private void results(StringBuilder md) {
        md.append("\n## Results\n\nServer CPU is the Keycloak JVM's own (utime + stime from `/proc/<pid>/stat`) over the flow's ")
                .append("windows, divided by its successful logins; \"without JIT\" leaves out the time of its JIT compiler threads ")
                .append("(`/proc/<pid>/task/*/stat`, threads `C1/C2 CompilerThread`), a warm-up cost that moves from window to window; ")
                .append("peak RSS is `VmHWM`, reset before each window.\n\n")
                .append("| scenario | flow | concurrency | logins | errors | logins/s | p50 ms | p95 ms | p99 ms | server CPU ms/login | without JIT ms/login | server CPU cores | peak RSS MiB |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            Window w = row.window();
            md.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %.2f | %.0f | %.0f | %.0f | %.0f | %.0f | %.2f | %.0f |%n",
                    row.scenario(), row.flow(), row.concurrency(), w.logins(), w.errors(), w.perSecond(), w.percentile(50),
                    w.percentile(95), w.percentile(99), w.cpuMillisPerLogin(), w.cpuMillisPerLoginWithoutJit(), w.cores(),
                    w.peakRssMib()));
        }
        md.append("\n## Ours / stock\n\nRatios of the two sides of each scenario at the same concurrency (for the stalled ")
                .append("gateway: stalled / answered; for the cluster: two nodes / one).\n\n| scenario | concurrency | logins/s | p95 | server CPU per login | without JIT |\n|---|---|---|---|---|---|\n");
        for (Map.Entry<String, Row[]> pair : pairs().entrySet()) {
            Row ours = pair.getValue()[0];
            Row stock = pair.getValue()[1];
            md.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %.2f |%n", ours.scenario(), ours.concurrency(),
                    ratio(ours, stock, Window::perSecond), ratio(ours, stock, w -> w.percentile(95)),
                    ratio(ours, stock, Window::cpuMillisPerLogin), ratio(ours, stock, Window::cpuMillisPerLoginWithoutJit)));
        }
        List<Row> failures = rows.stream().filter(r -> r.window().errors() > 0).toList();
        if (!failures.isEmpty()) {
            md.append("\n### First error of each flow with errors\n\n");
            failures.forEach(r -> md.append("- ").append(r.flow()).append(" at ").append(r.concurrency()).append(": `")
                    .append(r.window().firstError().replace('`', '\'').replace('\n', ' ')).append("`\n"));
        }
    }

    private String targets(BootTimes boot) {
        StringBuilder md = new StringBuilder("\n## Targets (measured, not asserted)\n\n| target | measured | met |\n|---|---|---|\n");
        List<String> cpu = new ArrayList<>();
        List<String> cpuAll = new ArrayList<>();
        List<String> broker = new ArrayList<>();
        List<String> stall = new ArrayList<>();
        List<String> cluster = new ArrayList<>();
        boolean cpuMet = true;
        boolean brokerMet = true;
        boolean stallMet = true;
        for (Row[] pair : pairs().values()) {
            String scenario = pair[0].scenario();
            String at = "c=" + pair[0].concurrency() + ": ";
            if (scenario.equals(Benchmark.LOGIN)) {
                double r = ratio(pair[0], pair[1], Window::cpuMillisPerLoginWithoutJit);
                cpu.add(at + String.format(Locale.ROOT, "%.2f×", r));
                cpuAll.add(at + String.format(Locale.ROOT, "%.2f×", ratio(pair[0], pair[1], Window::cpuMillisPerLogin)));
                cpuMet &= r <= 1.05;
            } else if (scenario.equals(Benchmark.BROKER)) {
                double r = ratio(pair[0], pair[1], Window::perSecond);
                broker.add(at + String.format(Locale.ROOT, "%.2f×", r));
                brokerMet &= r >= 0.95;
            } else if (scenario.equals(Benchmark.STALL)) {
                double r = ratio(pair[0], pair[1], Window::perSecond);
                stall.add(at + String.format(Locale.ROOT, "%.2f×", r));
                stallMet &= r >= 0.9;
            } else if (scenario.equals(ClusterScaling.SCENARIO)) {
                cluster.add(at + String.format(Locale.ROOT, "%.2f×", ratio(pair[0], pair[1], Window::perSecond)));
            }
        }
        md.append("| server CPU per direct login + SMS ≤ 1.05× stock password + OTP | without JIT: ").append(String.join(", ", cpu))
                .append("; all threads: ").append(String.join(", ", cpuAll))
                .append(" | ").append(cpuMet ? "yes (without JIT)" : "**no**").append(" |\n");
        md.append("| DVCQG broker throughput ≥ 0.95× stock broker | ").append(String.join(", ", broker))
                .append(" | ").append(brokerMet ? "yes" : "**no**").append(" |\n");
        md.append("| stalled gateway leaves other logins' throughput ≥ 0.9× | ").append(String.join(", ", stall))
                .append(" | ").append(stallMet ? "yes" : "**no**").append(" |\n");
        if (!cluster.isEmpty()) {
            md.append("| two-node cluster throughput / one node (no target: both nodes share the same cores) | ")
                    .append(String.join(", ", cluster)).append(" | — |\n");
        }
        md.append(boot.stock.isEmpty() ? "| the bundle adds ≤ 1 s to boot | not measured | |\n"
                : String.format(Locale.ROOT, "| the bundle adds ≤ 1 s to boot | %+d ms (a first boot importing the realm: %+d ms) | %s |%n",
                bootCost(boot), BootTimes.median(boot.oursImport) - BootTimes.median(boot.stock),
                bootCost(boot) <= 1000 ? "yes" : "**no**"));
        return md.toString();
    }

    /** The chart: throughput and p95 against concurrency, one line per flow. */
    void chart(Path data, Path script, Path png) throws IOException, InterruptedException {
        Map<String, List<Row>> series = new LinkedHashMap<>();
        rows.forEach(r -> series.computeIfAbsent(r.flow(), k -> new ArrayList<>()).add(r));
        StringBuilder dat = new StringBuilder();
        List<String> titles = new ArrayList<>(series.keySet());
        for (String title : titles) {
            dat.append("# ").append(title).append('\n');
            series.get(title).forEach(r -> dat.append(String.format(Locale.ROOT, "%d %.3f %.1f%n", r.concurrency(),
                    r.window().perSecond(), r.window().percentile(95))));
            dat.append("\n\n");
        }
        Files.writeString(data, dat, StandardCharsets.UTF_8);
        StringBuilder gp = new StringBuilder()
                .append("set terminal pngcairo size 1400,560 font 'DejaVu Sans,10'\n")
                .append("set output '").append(png).append("'\n")
                .append("set multiplot layout 1,2 title 'Keycloak 26.7.0 with the Bình Dương bundle vs stock, one node (cluster: two nodes), 2 cores'\n")
                .append("set logscale x 2\nset xtics (1, 4, 16)\nset xrange [0.8:20]\nset xlabel 'concurrent users'\nset grid\n")
                // Brokers run ten times the password flows' rate: a log scale keeps both readable.
                .append("set key bottom right font ',9'\nset ylabel 'successful logins per second (log)'\nset logscale y\nset yrange [1:*]\n")
                .append(plot(data, titles, 2))
                .append("unset logscale y\nset yrange [0:*]\nset ylabel 'p95 latency (ms)'\nset key top left font ',9'\n")
                .append(plot(data, titles, 3))
                .append("unset multiplot\n");
        Files.writeString(script, gp, StandardCharsets.UTF_8);
        Process gnuplot = new ProcessBuilder("gnuplot", script.toString()).inheritIO().start();
        if (gnuplot.waitFor() != 0) {
            throw new IllegalStateException("gnuplot failed on " + script);
        }
    }

    private static String plot(Path data, List<String> titles, int column) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < titles.size(); i++) {
            lines.add("'" + data + "' index " + i + " using 1:" + column + " with linespoints lw 2 title '"
                    + titles.get(i).replace("'", "") + "'");
        }
        return "plot " + String.join(", \\\n     ", lines) + "\n";
    }

    /** Ours and stock rows of each scenario and concurrency, in the order they were run. */
    private Map<String, Row[]> pairs() {
        Map<String, Row[]> pairs = new LinkedHashMap<>();
        for (Row row : rows) {
            pairs.computeIfAbsent(row.scenario() + "@" + row.concurrency(), k -> new Row[2])[row.side().subject() ? 0 : 1] = row;
        }
        pairs.values().removeIf(p -> p[0] == null || p[1] == null);
        return pairs;
    }

    private static double ratio(Row ours, Row stock, ToDoubleFunction<Window> figure) {
        return figure.applyAsDouble(ours.window()) / figure.applyAsDouble(stock.window());
    }

    private static long bootCost(BootTimes boot) {
        return BootTimes.median(boot.ours) - BootTimes.median(boot.stock);
    }
}

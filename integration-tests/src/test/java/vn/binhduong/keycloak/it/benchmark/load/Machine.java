package vn.binhduong.keycloak.it.benchmark.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The machine the figures come from, as its own tools describe it. */
final class Machine {

    private Machine() {
    }

    /** Markdown lines: CPU (lscpu), memory, kernel, Java, and the load average now. */
    static String describe() throws IOException, InterruptedException {
        String cpu = run("lscpu").lines()
                .filter(l -> l.matches("^(Architecture|CPU\\(s\\)|Model name|Thread\\(s\\) per core|Core\\(s\\) per socket|Socket\\(s\\)|CPU max MHz|Hypervisor vendor|L3 cache):.*"))
                .map(l -> l.replaceAll("\\s{2,}", " ")).collect(Collectors.joining("; "));
        double memoryGib = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .findFirst().map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1048576.0).orElse(Double.NaN);
        return "- CPU (lscpu): " + cpu + "\n"
                + String.format(Locale.ROOT, "- Memory: %.1f GiB%n", memoryGib)
                + "- Kernel: " + run("uname", "-sr").trim() + "\n"
                + "- Java (load generator and Keycloak): " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version") + "\n";
    }

    static String loadAverage() throws IOException {
        return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return out;
    }
}

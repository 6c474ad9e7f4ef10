package vn.binhduong.keycloak.it.benchmark.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The kernel's accounting of one process (the Keycloak JVM, not the load generator): CPU time from
 * {@code /proc/<pid>/stat} (utime + stime, all threads) and peak resident memory ({@code VmHWM}), which
 * {@link #resetPeak()} brings back to the current size so that each window gets its own peak.
 */
final class ProcessMeter {

    /** USER_HZ, 100 on every Linux this runs on; {@code getconf CLK_TCK} prints it. */
    private static final double MILLIS_PER_TICK = 10.0;

    private final long pid;

    ProcessMeter(long pid) {
        this.pid = pid;
    }

    /** The JVM that {@code kc.sh} started (kc.sh stays as its parent shell). */
    static ProcessMeter javaUnder(ProcessHandle kcSh) {
        return kcSh.descendants().filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .findFirst().map(p -> new ProcessMeter(p.pid()))
                .orElseThrow(() -> new IllegalStateException("no java process under kc.sh " + kcSh.pid()));
    }

    long pid() {
        return pid;
    }

    double cpuMillis() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // Fields after the command name, which is in parentheses and may hold spaces.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MILLIS_PER_TICK;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the CPU time of process " + pid, e);
        }
    }

    /** Peak resident set size in MiB. */
    double peakRssMib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the memory of process " + pid, e);
        }
        throw new IllegalStateException("no VmHWM for process " + pid);
    }

    /** Writing 5 to clear_refs resets VmHWM (Linux 4.0+); the owner of the process may do it. */
    void resetPeak() {
        try {
            Files.writeString(Path.of("/proc", Long.toString(pid), "clear_refs"), "5");
        } catch (IOException e) {
            throw new IllegalStateException("cannot reset the peak memory of process " + pid, e);
        }
    }
}

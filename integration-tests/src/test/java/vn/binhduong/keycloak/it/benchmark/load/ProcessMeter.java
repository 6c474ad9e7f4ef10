package vn.binhduong.keycloak.it.benchmark.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The kernel's accounting of one process (the Keycloak JVM, not the load generator): CPU time from
 * {@code /proc/<pid>/stat} (utime + stime, all threads) and peak resident memory ({@code VmHWM}), which
 * {@link #resetPeak()} brings back to the current size so that each window gets its own peak.
 */
final class ProcessMeter {

    /** USER_HZ, 100 on every Linux this runs on; {@code getconf CLK_TCK} prints it. */
    private static final double MILLIS_PER_TICK = 10.0;
    /** HotSpot's JIT compiler threads, by the start of their names as the kernel keeps them (15 characters). */
    private static final List<String> JIT_THREADS = List.of("C1 CompilerThre", "C2 CompilerThre");

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
            return ticks(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))) * MILLIS_PER_TICK;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the CPU time of process " + pid, e);
        }
    }

    /**
     * CPU time of the JVM's JIT compiler threads (HotSpot names them "C1 CompilerThread…" and "C2 CompilerThread…"):
     * compiling is a warm-up cost that a server running for hours no longer pays, and in windows of seconds it is a
     * fifth to a half of the total and moves from window to window.
     */
    double jitCpuMillis() {
        long ticks = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (NoSuchFileException ended) {
                    continue; // a thread that ended between the listing and the read
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                if (JIT_THREADS.stream().anyMatch(name::startsWith)) {
                    ticks += ticks(stat);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the threads of process " + pid, e);
        }
        return ticks * MILLIS_PER_TICK;
    }

    /** utime + stime of a {@code stat} line; its fields follow the command name, in parentheses and maybe with spaces. */
    private static long ticks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
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

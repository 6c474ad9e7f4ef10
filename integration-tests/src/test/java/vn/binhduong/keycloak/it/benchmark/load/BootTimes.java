package vn.binhduong.keycloak.it.benchmark.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Keycloak's boot with and without the bundle: both distributions built once ({@code kc.sh build}), then started
 * in turn to readiness and stopped: stock; with the bundle and no realm to import (the bundle's own cost, what a
 * restart costs once the realm is in the database); with the bundle importing our realm (a first boot, as the
 * dev-mem database makes every boot here). With no rounds, both are built and no boot is measured.
 */
final class BootTimes {

    final List<Long> stock = new ArrayList<>();
    final List<Long> ours = new ArrayList<>();
    final List<Long> oursImport = new ArrayList<>();
    long stockBuildMillis;
    long oursBuildMillis;

    static BootTimes measure(Path stockHome, Path oursHome, List<String> oursBuild, List<String> oursOptions,
                             Map<String, String> oursEnvironment, int rounds, Path logs) throws IOException, InterruptedException {
        BootTimes times = new BootTimes();
        times.stockBuildMillis = KeycloakNode.build(stockHome, List.of("--db=dev-mem", "--health-enabled=true"),
                logs.resolve("build-stock.log"));
        times.oursBuildMillis = KeycloakNode.build(oursHome, oursBuild, logs.resolve("build-ours.log"));
        List<String> noImport = oursOptions.stream().filter(option -> !option.equals("--import-realm")).toList();
        for (int round = 0; round < rounds; round++) {
            // The order turns each round, so that no variant always boots right after the same one.
            List<Runnable> boots = new ArrayList<>();
            int r = round;
            boots.add(() -> times.stock.add(boot(stockHome, List.of(), Map.of(), logs.resolve("boot-stock-" + r + ".log"))));
            boots.add(() -> times.ours.add(boot(oursHome, noImport, oursEnvironment, logs.resolve("boot-ours-" + r + ".log"))));
            boots.add(() -> times.oursImport.add(boot(oursHome, oursOptions, oursEnvironment, logs.resolve("boot-ours-import-" + r + ".log"))));
            Collections.rotate(boots, round);
            boots.forEach(Runnable::run);
            System.out.printf("boot round %d: stock %d ms, with the bundle %d ms, with the bundle and the realm import %d ms%n",
                    round + 1, times.stock.get(round), times.ours.get(round), times.oursImport.get(round));
        }
        return times;
    }

    private static long boot(Path home, List<String> options, Map<String, String> environment, Path log) {
        try (KeycloakNode node = KeycloakNode.start(home, options, environment, "", log)) {
            return node.bootMillis();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The median, or -1 when the boots were not measured ({@code -Dbench.bootRounds=0}). */
    static long median(List<Long> values) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}

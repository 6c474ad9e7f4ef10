package vn.binhduong.keycloak.it.benchmark.load;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Keycloak's boot with and without the bundle: both distributions built once ({@code kc.sh build}), then started
 * in turn (stock, ours, stock, ours …) to readiness and stopped. Ours starts as in production: with the realm
 * import and the SMS sender's options. With no rounds, both are built and no boot is measured.
 */
final class BootTimes {

    final List<Long> stock = new ArrayList<>();
    final List<Long> ours = new ArrayList<>();
    long stockBuildMillis;
    long oursBuildMillis;

    static BootTimes measure(Path stockHome, Path oursHome, List<String> oursBuild, List<String> oursOptions,
                             Map<String, String> oursEnvironment, int rounds, Path logs) throws IOException, InterruptedException {
        BootTimes times = new BootTimes();
        times.stockBuildMillis = KeycloakNode.build(stockHome, List.of("--db=dev-mem", "--health-enabled=true"),
                logs.resolve("build-stock.log"));
        times.oursBuildMillis = KeycloakNode.build(oursHome, oursBuild, logs.resolve("build-ours.log"));
        for (int round = 0; round < rounds; round++) {
            try (KeycloakNode node = KeycloakNode.start(stockHome, List.of(), Map.of(), "", logs.resolve("boot-stock-" + round + ".log"))) {
                times.stock.add(node.bootMillis());
            }
            try (KeycloakNode node = KeycloakNode.start(oursHome, oursOptions, oursEnvironment, "", logs.resolve("boot-ours-" + round + ".log"))) {
                times.ours.add(node.bootMillis());
            }
            System.out.printf("boot round %d: stock %d ms, ours %d ms%n", round + 1, times.stock.get(round), times.ours.get(round));
        }
        return times;
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

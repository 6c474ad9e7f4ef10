package vn.binhduong.keycloak.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import vn.binhduong.keycloak.it.otp.SmsOtpTestRealm;
import vn.binhduong.keycloak.it.reset.ResetFlow;
import vn.binhduong.keycloak.it.support.AdminApi;
import vn.binhduong.keycloak.it.support.Browser;
import vn.binhduong.keycloak.it.support.DirectLoginApi;
import vn.binhduong.keycloak.it.support.KeycloakExtension;
import vn.binhduong.keycloak.it.support.KeycloakServer;
import vn.binhduong.keycloak.it.support.OidcClient;
import vn.binhduong.keycloak.it.support.StandIns;
import vn.binhduong.keycloak.standins.captcha.CaptchaStandIn;
import vn.binhduong.keycloak.standins.sms.SmsGatewayStandIn;

/**
 * A bounded, seeded fuzz of everything of ours that takes input: every field of the direct-login form, the SMS code
 * page, the reset's three pages, the OTP phone pages, the DVCQG broker's callback and the REST endpoints, with empty,
 * oversized, binary, Unicode, injection-shaped, repeated and missing values. Not one answer may be a 5xx.
 */
@ExtendWith(KeycloakExtension.class)
class FuzzIT {

    private static final String REALM = "/realms/" + KeycloakServer.REALM;
    private static final int PER_ROUND = 500;
    private static final int ROUNDS_PER_FORM = 5;
    private static final int REST_REQUESTS = 4_000;
    private static final List<String> NASTY = List.of("", " ", "0", "-1", "null", "undefined", "true", "[]", "{}",
            "9".repeat(40), "0".repeat(5_000), "A@a1".repeat(20_000), "\u0000", "\u0000\u0001\u007f", "\r\n\r\n", "%00",
            "' OR 1=1 --", "\"; DROP TABLE users; --", "<script>alert(1)</script>", "${7*7}", "#{7*7}", "${jndi:ldap://x/a}",
            "../../../../etc/passwd", "😀😀😀", "\u202e\u0645\u0631\u062d\u0628\u0627", "Nguyễn Văn An", "+84", "+84 912 345 678",
            "+999999999999999", "0912 345 678 ext", "１２３４５６", "\uD800", "a.b.c", "..", "VN", "ZZ", "dvcqg", "other",
            "update.x", "delete.", "{\"enabled\":true}", "NaN", "1e309", "0x1F");

    private final KeycloakServer keycloak;
    private final AdminApi admin;
    private final DirectLoginApi directLogin;
    private final SmsGatewayStandIn gateway;
    private final ResetFlow reset;
    private final Random random = new Random(20261203);
    private final List<String> serverErrors = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger closedConnections = new AtomicInteger();
    private JsonNode probeSettings;

    FuzzIT(KeycloakServer keycloak, AdminApi admin, StandIns standIns) {
        this.keycloak = keycloak;
        this.admin = admin;
        this.directLogin = new DirectLoginApi(keycloak, admin);
        this.gateway = standIns.smsGateway();
        this.reset = new ResetFlow(keycloak, admin, gateway);
    }

    @BeforeEach
    void keepProbeSettings() throws Exception {
        probeSettings = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(directLogin.get(admin.token()).body()).path("dvcqg").path("settings");
        reset.codeStepConfig(Map.of("bd.smsCode.ipHourlyCap", "100000"));
    }

    @AfterEach
    void putBack() throws Exception {
        directLogin.switchOff();
        directLogin.putProbeSettings(admin.token(), probeSettings.toString());
    }

    @Test
    void twentyThousandMalformedRequestsGetNoServerError() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < ROUNDS_PER_FORM; round++) {
                directLogin.switchOn("FuzzIT");
                SignedInOfficial official = SignedInOfficial.create(admin, String.format("07409700%04d", round),
                        SmsOtpTestRealm.newPhone());
                // Its own official: the SMS page's wrong codes lock the other one while this one signs in.
                SignedInOfficial phoneOwner = SignedInOfficial.create(admin, String.format("07409710%04d", round),
                        SmsOtpTestRealm.newPhone());
                List<Future<?>> forms = new ArrayList<>();
                forms.add(fuzzForm(pool, "direct-login form", loginPage(), List.of("username", "password", "rememberMe", "credentialId")));
                forms.add(fuzzForm(pool, "SMS code page", smsPage(official), List.of("code", "resend")));
                forms.add(fuzzForm(pool, "OTP phone page", phonePage(phoneOwner), List.of("source", "country", "phone", "code",
                        "resend", "changeNumber", "makeReceiver", "deletePhone", "cancel-aia", CaptchaStandIn.FORM_FIELD)));
                awaitAll(forms);
                directLogin.switchOff();
                ResetFlow.Official resetting = reset.official(true);
                forms.add(fuzzForm(pool, "direct-login form while off", loginPage(), List.of("username", "password", "rememberMe")));
                forms.add(fuzzForm(pool, "reset: ID number", resetIdPage(), List.of("username", CaptchaStandIn.FORM_FIELD)));
                forms.add(fuzzForm(pool, "reset: SMS code", resetCodePage(resetting), List.of("code", "resend")));
                forms.add(fuzzForm(pool, "reset: new password", resetPasswordPage(resetting),
                        List.of("password-new", "password-confirm", CaptchaStandIn.FORM_FIELD)));
                awaitAll(forms);
            }
            fuzzBrokerAndRest(pool);
        } finally {
            pool.shutdownNow();
        }

        assertThat(sent.get()).isGreaterThanOrEqualTo(20_000);
        assertThat(serverErrors).as("requests answered with a 5xx").isEmpty();
        assertThat(loginPage().browser().last().statusCode()).as("the server still serves its login page").isEqualTo(200);
        SecurityReport.record("05-fuzz", "No input of any kind makes our endpoints or forms fail with a 5xx",
                sent.get() + " seeded malformed requests over every field of the direct-login form (on and off), the SMS "
                        + "code page, the OTP phone pages, the reset's three pages, the DVCQG callback and login, and the "
                        + "bd-direct-login, dvcqg-probe and outbox endpoints",
                serverErrors.size() + " HTTP 5xx (" + closedConnections.get() + " connections closed unanswered; the "
                        + "server served its login page after)", "FuzzIT#twentyThousandMalformedRequestsGetNoServerError");
    }

    /** A page with its form's action: where the mutated posts go, in the page's own session. */
    private record Page(Browser browser, String action) {
    }

    private Page loginPage() throws Exception {
        Browser browser = new Browser(keycloak.baseUrl());
        browser.open(motcua().authorizationUrl());
        Element form = browser.page().selectFirst("form[action*=login-actions]");
        return new Page(browser, form != null ? form.absUrl("action")
                : keycloak.realmUrl() + "/login-actions/authenticate?client_id=motcua");
    }

    private Page smsPage(SignedInOfficial official) throws Exception {
        Page login = loginPage();
        login.browser().submit("form#kc-form-login", Map.of("username", official.idNumber, "password", SignedInOfficial.PASSWORD));
        return page(login.browser(), "form#bd-sms-otp-form");
    }

    private Page phonePage(SignedInOfficial official) throws Exception {
        SignedInOfficial.Session session = official.signIn(keycloak, directLogin, gateway, "openid");
        directLogin.switchOn("FuzzIT");
        session.browser().open(motcua().authorizationUrl() + "&kc_action=bd-register-otp-phone");
        return page(session.browser(), "form#bd-otp-phone-form");
    }

    private Page resetIdPage() throws Exception {
        return page(reset.start(), "form#bd-reset-id-form");
    }

    private Page resetCodePage(ResetFlow.Official official) throws Exception {
        Browser browser = reset.start();
        ResetFlow.submitId(browser, official.idNumber());
        return page(browser, "form#bd-reset-code-form");
    }

    private Page resetPasswordPage(ResetFlow.Official official) throws Exception {
        Browser browser = reset.start();
        int before = gateway.messagesTo(official.national()).size();
        ResetFlow.submitId(browser, official.idNumber());
        ResetFlow.submitCode(browser, reset.awaitCode(official, before));
        return page(browser, "form#bd-reset-password-form");
    }

    private static Page page(Browser browser, String formSelector) {
        Element form = browser.page().selectFirst(formSelector);
        if (form == null) {
            throw new IllegalStateException("no " + formSelector + ":\n" + browser.page().text());
        }
        return new Page(browser, form.absUrl("action"));
    }

    /**
     * Mutated posts to one page, one after the other as a browser sends them; the pages of a round are fuzzed in
     * parallel. (Posts racing on one login session can meet a race in Keycloak itself: its forwarded-message store
     * is read twice, and a message removed in between renders as a 500 for that session. See SECURITY.md.)
     */
    private Future<?> fuzzForm(ExecutorService pool, String name, Page page, List<String> fields) {
        List<Map<String, String>> posts = new ArrayList<>();
        for (int i = 0; i < PER_ROUND; i++) {
            Map<String, String> data = new LinkedHashMap<>();
            for (String field : fields) {
                int dice = random.nextInt(4);
                if (dice > 0) {
                    data.put(field, dice == 1 ? fuzzValue() : field.equals("code") ? "123456" : fuzzValue());
                }
            }
            if (random.nextInt(10) == 0) {
                data.put(fuzzValue(), fuzzValue());
            }
            posts.add(data);
        }
        return pool.submit(() -> {
            for (Map<String, String> data : posts) {
                check(name + " " + abbreviated(data), page.browser().post(page.action(), data));
            }
            return null;
        });
    }

    private static void awaitAll(List<Future<?>> tasks) throws Exception {
        for (Future<?> task : tasks) {
            task.get();
        }
        tasks.clear();
    }

    private void fuzzBrokerAndRest(ExecutorService pool) throws Exception {
        // HTTP/1.1 as browsers speak to a plain-http origin: an oversized request gets its 4xx (414, 431) instead of
        // an HTTP/2 GOAWAY.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String token = admin.token();
        String base = keycloak.realmUrl();
        String adminBase = keycloak.adminRealmUrl();
        List<Future<?>> requests = new ArrayList<>();
        for (int i = 0; i < REST_REQUESTS; i++) {
            // Query values as long as a browser sends (a URL of 80 000 characters is refused at the connection).
            String a = URLEncoder.encode(shorter(fuzzValue()), StandardCharsets.UTF_8);
            String b = URLEncoder.encode(shorter(fuzzValue()), StandardCharsets.UTF_8);
            String body = random.nextBoolean() ? fuzzValue() : "{\"" + fuzzValue().replace("\"", "") + "\": \"" + fuzzValue()
                    .replace("\"", "").replace("\\", "") + "\"}";
            String bearer = random.nextInt(4) == 0 ? shorter(fuzzValue()) : token;
            HttpRequest request = switch (i % 8) {
                case 0 -> get(base + "/broker/dvcqg/endpoint?state=" + a + "&code=" + b);
                case 1 -> get(base + "/broker/dvcqg/endpoint?state=" + a + "&error=" + b + "&error_description=" + a);
                case 2 -> get(base + "/broker/dvcqg/login?client_id=" + a + "&tab_id=" + b + "&session_code=" + a);
                case 3 -> send("PUT", adminBase + "/bd-direct-login", bearer, body);
                case 4 -> send("PUT", adminBase + "/bd-direct-login/dvcqg-probe", bearer, body);
                case 5 -> send(random.nextBoolean() ? "GET" : "POST", adminBase + "/bd-direct-login" + (random.nextBoolean() ? "/" + a : ""), bearer, body);
                case 6 -> get(base + "/bd-sms-outbox?to=" + a + "&limit=" + b);
                default -> send("POST", base + "/login-actions/authenticate?client_id=" + a + "&tab_id=" + b
                        + "&execution=" + a + "&session_code=" + b, null, "username=" + a + "&password=" + b);
            };
            String label = request.method() + " " + request.uri().getPath();
            requests.add(pool.submit(() -> {
                try {
                    return check(label, http.send(request, HttpResponse.BodyHandlers.ofString()));
                } catch (java.io.IOException closed) {
                    // The server may close a connection on a request it will not parse: no answer, and no 5xx.
                    sent.incrementAndGet();
                    closedConnections.incrementAndGet();
                    return null;
                }
            }));
        }
        for (Future<?> request : requests) {
            request.get();
        }
        directLogin.switchOff();
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).GET().build();
    }

    private static HttpRequest send(String method, String url, String bearer, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", url.contains("login-actions") ? "application/x-www-form-urlencoded" : "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null && bearer.chars().allMatch(c -> c > 32 && c < 127)) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return builder.build();
    }

    private Void check(String label, HttpResponse<String> response) {
        sent.incrementAndGet();
        if (response.statusCode() >= 500) {
            serverErrors.add(response.statusCode() + " " + label);
        }
        return null;
    }

    /** The fields and the start of each value, escaped, to replay a failure by hand. */
    private static String abbreviated(Map<String, String> data) {
        StringBuilder text = new StringBuilder("{");
        data.forEach((field, value) -> text.append(field).append('=')
                .append(value.chars().limit(40).mapToObj(c -> c < 32 || c > 126 ? String.format("\\u%04x", c)
                        : String.valueOf((char) c)).reduce("", String::concat))
                .append(value.length() > 40 ? "…(" + value.length() + ")" : "").append("; "));
        return text.append('}').toString();
    }

    private static String shorter(String value) {
        return value.length() > 2_000 ? value.substring(0, 2_000) : value;
    }

    private synchronized String fuzzValue() {
        if (random.nextInt(3) > 0) {
            return NASTY.get(random.nextInt(NASTY.size()));
        }
        StringBuilder value = new StringBuilder();
        int length = random.nextInt(random.nextInt(10) == 0 ? 3_000 : 40);
        for (int i = 0; i < length; i++) {
            value.append((char) (random.nextBoolean() ? 32 + random.nextInt(95) : random.nextInt(0x3000)));
        }
        return value.toString();
    }

    private OidcClient motcua() {
        return new OidcClient(keycloak.realmUrl(), "motcua", keycloak.motcuaSecret());
    }
}

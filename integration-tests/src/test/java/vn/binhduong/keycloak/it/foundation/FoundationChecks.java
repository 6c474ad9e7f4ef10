package vn.binhduong.keycloak.it.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

import vn.binhduong.keycloak.it.support.AdminApi;
import vn.binhduong.keycloak.it.support.Browser;
import vn.binhduong.keycloak.it.support.DirectLoginApi;
import vn.binhduong.keycloak.it.support.KeycloakUnderTest;
import vn.binhduong.keycloak.it.support.OidcClient;
import vn.binhduong.keycloak.it.support.OtpPhones;
import vn.binhduong.keycloak.standins.sms.SmsGatewayStandIn;

/**
 * The checks that every Keycloak with our bundle must pass, whether it is the distribution the tests start or the
 * image from docker/, or the production-mode server of it/deployment.
 */
public final class FoundationChecks {

    /** The official {@link #portalSignsInWithPkceAndVerifiesTheIdToken} creates, with password and OTP phone. */
    public static final String OFFICIAL = "074090000101";
    public static final String OFFICIAL_PASSWORD = "Abc@12345";
    public static final String OFFICIAL_PHONE = "+84912000101";

    private FoundationChecks() {
    }

    /**
     * On the login page with the direct-login form: ID number and password, then the SMS code the gateway stand-in
     * received for {@code phoneE164}. Returns where the flow sends the browser out of Keycloak (null if it stays).
     */
    public static URI passwordThenSmsCode(Browser browser, SmsGatewayStandIn gateway, String username, String password,
                                          String phoneE164) throws Exception {
        String national = "0" + phoneE164.substring(3);
        int before = gateway.messagesTo(national).size();
        browser.submit("form#kc-form-login", Map.of("username", username, "password", password));
        assertThat(browser.page().selectFirst("form#bd-sms-otp-form")).as("SMS code form: " + browser.page().text()).isNotNull();
        assertThat(gateway.messagesTo(national)).as("one SMS sent to the official's phone").hasSize(before + 1);
        browser.submit("form#bd-sms-otp-form", Map.of("code", gateway.lastCodeTo(national).orElseThrow()));
        return browser.redirectOut();
    }

    private record Declared(String spi, String providerId) {
    }

    /** Every provider factory our JARs declare is listed as loaded by the server itself ({@code /admin/serverinfo}). */
    public static void ourProvidersAndThemeAreLoaded(AdminApi admin) throws Exception {
        JsonNode serverInfo = admin.get("/serverinfo");
        List<Declared> declared = declaredFactories();

        assertThat(declared).as("our JARs declare provider factories").isNotEmpty();
        for (Declared factory : declared) {
            assertThat(serverInfo.path("providers").path(factory.spi()).path("providers").has(factory.providerId()))
                    .as("SPI %s lists provider %s", factory.spi(), factory.providerId()).isTrue();
        }
        List<String> loginThemes = new ArrayList<>();
        serverInfo.path("themes").path("login").forEach(theme -> loginThemes.add(theme.path("name").asText()));
        assertThat(loginThemes).contains("binhduong");
    }

    /** Reads META-INF/services of our JARs in the bundle and asks each factory its id. */
    private static List<Declared> declaredFactories() throws Exception {
        List<Spi> spis = ServiceLoader.load(Spi.class).stream().map(ServiceLoader.Provider::get).toList();
        List<Declared> declared = new ArrayList<>();
        try (Stream<Path> jars = Files.list(Path.of(System.getProperty("bd.bundle.dir"), "providers"))) {
            for (Path jar : jars.toList()) {
                try (JarFile file = new JarFile(jar.toFile())) {
                    if (file.getEntry("vn/binhduong/") == null) {
                        continue;
                    }
                    for (JarEntry entry : file.stream().filter(e -> e.getName().startsWith("META-INF/services/")).toList()) {
                        String factoryInterface = entry.getName().substring("META-INF/services/".length());
                        Spi spi = spis.stream()
                                .filter(s -> s.getProviderFactoryClass().getName().equals(factoryInterface))
                                .findFirst().orElse(null);
                        if (spi == null) {
                            continue; // Spi registrations themselves, and non-Keycloak service files
                        }
                        try (BufferedReader reader = new BufferedReader(new InputStreamReader(file.getInputStream(entry), StandardCharsets.UTF_8))) {
                            for (String line : reader.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
                                ProviderFactory<?> factory = (ProviderFactory<?>) Class.forName(line).getDeclaredConstructor().newInstance();
                                declared.add(new Declared(spi.getName(), factory.getId()));
                            }
                        }
                    }
                }
            }
        }
        return declared;
    }

    /**
     * The provincial portal ({@code dichvucong}, public, PKCE S256) signs a user in and trusts the ID token it gets.
     * The password form is the direct login, so the switch is turned on and the user is a one-stop-shop official
     * with an OTP phone; the SMS code is read from the gateway stand-in.
     */
    public static void portalSignsInWithPkceAndVerifiesTheIdToken(KeycloakUnderTest keycloak, AdminApi admin,
                                                                  SmsGatewayStandIn gateway) throws Exception {
        new DirectLoginApi(keycloak, admin).switchOn("foundation checks");
        OtpPhones.createUser(admin, OFFICIAL, OFFICIAL_PASSWORD, "Nguyễn", "Văn An", OFFICIAL_PHONE, "/can-bo-mot-cua");
        OidcClient portal = new OidcClient(keycloak.realmUrl(), "dichvucong", null);
        Browser browser = new Browser(keycloak.baseUrl());

        browser.open(portal.authorizationUrl());
        URI callback = passwordThenSmsCode(browser, gateway, OFFICIAL, OFFICIAL_PASSWORD, OFFICIAL_PHONE);
        assertThat(callback).as("redirected to the portal").isNotNull();
        JsonNode tokens = portal.redeem(callback);

        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                // Nimbus waits 500 ms by default; a first call on a loaded CI machine can take longer.
                JWKSourceBuilder.create(new URL(keycloak.realmUrl() + "/protocol/openid-connect/certs"),
                        new DefaultResourceRetriever(10_000, 10_000)).build()));
        JWTClaimsSet idToken = processor.process(tokens.get("id_token").asText(), null);

        assertThat(idToken.getIssuer()).isEqualTo(keycloak.realmUrl());
        assertThat(idToken.getAudience()).containsExactly("dichvucong");
        assertThat(idToken.getStringClaim("nonce")).isEqualTo(portal.nonce());
        assertThat(idToken.getStringClaim("preferred_username")).isEqualTo(OFFICIAL);
    }

}

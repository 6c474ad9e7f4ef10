package vn.binhduong.keycloak.standins.captcha;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import vn.binhduong.keycloak.standins.StandIn;

/**
 * reCAPTCHA's {@code siteverify} on loopback, made with WireMock: it confirms {@link #PASSING_TOKEN} sent with the
 * right secret and refuses anything else, as Google does for a widget that was not solved.
 */
public final class CaptchaStandIn implements StandIn {

    /** The form field reCAPTCHA's widget fills. */
    public static final String FORM_FIELD = "g-recaptcha-response";
    /** The token a solved widget would have put in the form. */
    public static final String PASSING_TOKEN = "standin-captcha-solved";
    public static final String SITE_KEY = "standin-site-key";
    static final String SECRET = "standin-captcha-secret";
    private static final String PATH = "/recaptcha/api/siteverify";

    private final WireMockServer server;

    private CaptchaStandIn() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(post(urlEqualTo(PATH)).atPriority(10)
                .willReturn(okJson("{\"success\":false,\"error-codes\":[\"invalid-input-response\"]}")));
        server.stubFor(post(urlEqualTo(PATH)).atPriority(1)
                .withFormParam("secret", equalTo(SECRET)).withFormParam("response", equalTo(PASSING_TOKEN))
                .willReturn(okJson("{\"success\":true,\"hostname\":\"127.0.0.1\"}")));
    }

    public static CaptchaStandIn start() {
        return new CaptchaStandIn();
    }

    @Override
    public Map<String, String> environment() {
        return Map.of("BD_CAPTCHA_ENABLED", "true", "BD_CAPTCHA_PROVIDER", "recaptcha",
                "BD_CAPTCHA_SITE_KEY", SITE_KEY, "BD_CAPTCHA_SECRET", SECRET,
                "BD_CAPTCHA_VERIFY_URL", verifyUrl());
    }

    /** reCAPTCHA's {@code siteverify}, as the realm is given it. */
    public String verifyUrl() {
        return "http://127.0.0.1:" + server.port() + PATH;
    }

    /** How many verifications Keycloak asked for so far. */
    public int verifications() {
        return server.countRequestsMatching(postRequestedFor(urlEqualTo(PATH)).build()).getCount();
    }

    @Override
    public void close() {
        server.stop();
    }
}

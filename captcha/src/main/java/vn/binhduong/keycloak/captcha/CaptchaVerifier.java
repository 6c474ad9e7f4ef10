package vn.binhduong.keycloak.captcha;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.http.NameValuePair;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.entity.UrlEncodedFormEntity;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.message.BasicNameValuePair;
import org.apache.http.util.EntityUtils;
import org.jboss.logging.Logger;
import org.keycloak.connections.httpclient.HttpClientProvider;
import org.keycloak.models.KeycloakSession;

/**
 * Asks the captcha service whether a widget token is good, through Keycloak's own HTTP client. Any doubt (no
 * answer, an error status, an unreadable body) counts as a failed captcha.
 */
final class CaptchaVerifier {

    private static final Logger LOG = Logger.getLogger(CaptchaVerifier.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TIMEOUT_MS = 5000;

    private final KeycloakSession session;

    CaptchaVerifier(KeycloakSession session) {
        this.session = session;
    }

    boolean verify(CaptchaSettings settings, String token, String remoteIp) {
        String secret = session.vault().getStringSecret(settings.secret()).get().orElse(settings.secret());
        HttpPost post = new HttpPost(settings.verifyUrl());
        post.setConfig(RequestConfig.custom().setConnectTimeout(TIMEOUT_MS).setSocketTimeout(TIMEOUT_MS)
                .setConnectionRequestTimeout(TIMEOUT_MS).build());
        List<NameValuePair> form = List.of(new BasicNameValuePair("secret", secret),
                new BasicNameValuePair("response", token), new BasicNameValuePair("remoteip", remoteIp));
        post.setEntity(new UrlEncodedFormEntity(form, StandardCharsets.UTF_8));
        try (CloseableHttpResponse response = session.getProvider(HttpClientProvider.class).getHttpClient().execute(post)) {
            String body = EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
            if (response.getStatusLine().getStatusCode() != 200) {
                LOG.warnf("Captcha verification answered HTTP %d", response.getStatusLine().getStatusCode());
                return false;
            }
            JsonNode answer = JSON.readTree(body);
            if (!answer.path("success").asBoolean(false)) {
                LOG.debugf("Captcha refused: %s", answer.path("error-codes"));
                return false;
            }
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Captcha verification failed: %s", e.getClass().getSimpleName());
            return false;
        }
    }
}

package vn.binhduong.keycloak.it.dvcqg;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import vn.binhduong.keycloak.it.support.KeycloakExtension;
import vn.binhduong.keycloak.it.support.StandIns;
import vn.binhduong.keycloak.standins.dvcqg.DvcqgStandIn;

/** The DVCQG stand-in answers every mistake a person or a client can make with a clear 400, never a stack trace. */
@ExtendWith(KeycloakExtension.class)
class DvcqgStandInIT {

    private final DvcqgStandIn dvcqg;
    private final HttpClient http = HttpClient.newHttpClient();

    DvcqgStandInIT(StandIns standIns) {
        this.dvcqg = standIns.dvcqg();
    }

    @Test
    void pressingLoginWithoutAnAccountOrWithoutAReturnAddressGetsAClearPage() throws Exception {
        String back = "&redirect_uri=http%3A%2F%2F127.0.0.1%2Fcb&state=s";
        String[][] cases = {
                {"/oauth2/login?account=" + back, "Chưa chọn tài khoản"},
                {"/oauth2/login?" + back.substring(1), "Chưa chọn tài khoản"},
                {"/oauth2/login?account=khong_co" + back, "Không có tài khoản mẫu này"},
                {"/oauth2/login?account=citizen_cccd", "Thiếu địa chỉ trả về"}};
        for (String[] c : cases) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(dvcqg.baseUrl() + c[0])).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(c[0]).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(Jsoup.parse(response.body()).selectFirst("#dvcqg-error").text()).as(c[0]).contains(c[1]);
            assertNoStackTrace(c[0], response.body());
        }
    }

    @Test
    void aTokenRequestWhoseCredentialsDoNotDecodeGetsAnOAuthError() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(dvcqg.baseUrl() + "/oauth2/token"))
                .header("Authorization", "Basic ***not-base64***")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=abc")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"error\":\"invalid_request\"}");
    }

    private static void assertNoStackTrace(String what, String body) {
        assertThat(body).as(what).doesNotContain("Exception").doesNotContainPattern("\\bat [a-z]+\\.[a-zA-Z.$]+\\(");
    }
}

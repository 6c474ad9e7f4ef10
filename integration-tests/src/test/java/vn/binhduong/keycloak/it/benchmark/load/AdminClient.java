package vn.binhduong.keycloak.it.benchmark.load;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The admin REST API as an operator's script calls it: a master-realm admin token, JSON in and out. */
final class AdminClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final String password;
    private final HttpClient http = HttpClient.newHttpClient();

    /** The bootstrap admin ({@value KeycloakNode#ADMIN_USER}) of the server at {@code baseUrl}, with this password. */
    AdminClient(String baseUrl, String password) {
        this.baseUrl = baseUrl;
        this.password = password;
    }

    /** A new token per call: the set-up outlasts a master token's one-minute life. */
    String token() throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=admin-cli&username=" + KeycloakNode.ADMIN_USER
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        expect(response, 200);
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send("GET", path, null);
        expect(response, 200);
        return JSON.readTree(response.body());
    }

    /** Sends to {@code /admin<path>} and fails unless the answer is 2xx. */
    void call(String method, String path, Object body) throws IOException, InterruptedException {
        expect(send(method, path, body), 200);
    }

    /** Sends JSON to a path under the server (not only {@code /admin}) with an admin token. */
    HttpResponse<String> sendTo(String method, String absolutePath, Object body) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + absolutePath)).header("Authorization", "Bearer " + token())
                .header("Content-Type", "application/json").method(method, publisher).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, Object body) throws IOException, InterruptedException {
        return sendTo(method, "/admin" + path, body);
    }

    static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() / 100 != status / 100) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + ": "
                    + response.statusCode() + " " + response.body());
        }
    }
}

package vn.binhduong.keycloak.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The admin REST API, called as an operator's script would: a master-realm admin token and JSON. */
public final class AdminApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeycloakUnderTest server;
    private final HttpClient http = HttpClient.newHttpClient();

    public AdminApi(KeycloakUnderTest server) {
        this.server = server;
    }

    public String token() throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=admin-cli&username=" + KeycloakUnderTest.ADMIN_USER
                + "&password=" + URLEncoder.encode(server.adminPassword(), StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(server.baseUrl() + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("admin token: " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    /** GET {@code /admin/...}; fails on anything but 200. */
    public JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send("GET", path, null);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Sends JSON (or nothing) to {@code /admin/...} and returns the raw response. */
    public HttpResponse<String> send(String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body));
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/admin" + path))
                .header("Authorization", "Bearer " + token())
                .header("Content-Type", "application/json")
                .method(method, publisher).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Creates an enabled user (Vietnamese order: family name, then given names) with a password; returns its id. */
    public String createUser(String username, String password, String lastName, String firstName, String... groups)
            throws IOException, InterruptedException {
        var user = JSON.createObjectNode().put("username", username).put("enabled", true)
                .put("lastName", lastName).put("firstName", firstName);
        user.putArray("credentials").addObject().put("type", "password").put("value", password).put("temporary", false);
        var groupArray = user.putArray("groups");
        for (String group : groups) {
            groupArray.add(group);
        }
        HttpResponse<String> response = send("POST", "/realms/" + KeycloakUnderTest.REALM + "/users", user);
        if (response.statusCode() != 201) {
            throw new IllegalStateException("create user " + username + ": " + response.statusCode() + " " + response.body());
        }
        String location = response.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }
}

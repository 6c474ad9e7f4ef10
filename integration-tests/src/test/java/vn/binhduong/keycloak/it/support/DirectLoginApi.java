package vn.binhduong.keycloak.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The direct-login switch's REST endpoint ({@code /admin/realms/binhduong/bd-direct-login}), called as an operator's curl
 * does: with a bearer token, by default the master-realm admin's.
 */
public final class DirectLoginApi {

    private final KeycloakUnderTest server;
    private final AdminApi admin;
    private final HttpClient http = HttpClient.newHttpClient();

    public DirectLoginApi(KeycloakUnderTest server, AdminApi admin) {
        this.server = server;
        this.admin = admin;
    }

    public HttpResponse<String> get(String bearer) throws IOException, InterruptedException {
        return send("GET", "", bearer, null);
    }

    public HttpResponse<String> put(String bearer, String json) throws IOException, InterruptedException {
        return send("PUT", "", bearer, json);
    }

    /** PUT of the DVCQG health probe's settings ({@code /bd-direct-login/dvcqg-probe}). */
    public HttpResponse<String> putProbeSettings(String bearer, String json) throws IOException, InterruptedException {
        return send("PUT", "/dvcqg-probe", bearer, json);
    }

    public void switchOn(String reason) throws IOException, InterruptedException {
        expectOk(put(admin.token(), "{\"enabled\":true,\"reason\":\"" + reason + "\"}"));
    }

    public void switchOff() throws IOException, InterruptedException {
        expectOk(put(admin.token(), "{\"enabled\":false}"));
    }

    private static void expectOk(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("direct-login switch: " + response.statusCode() + " " + response.body());
        }
    }

    private HttpResponse<String> send(String method, String subPath, String bearer, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.adminRealmUrl() + "/bd-direct-login" + subPath))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

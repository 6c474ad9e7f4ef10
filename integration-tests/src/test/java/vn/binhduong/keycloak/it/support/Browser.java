package vn.binhduong.keycloak.it.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A cookie-keeping HTTP client that walks Keycloak's pages as a browser without JavaScript does: it follows
 * redirects within the server under test, stops at a redirect anywhere else (the relying app), and submits the
 * forms it finds.
 */
public final class Browser {

    private final String serverBase;
    private final HttpClient http;
    private HttpResponse<String> last;

    public Browser(String serverBase) {
        this.serverBase = serverBase;
        this.http = HttpClient.newBuilder().cookieHandler(new LoopbackCookies())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public HttpResponse<String> open(String url) throws IOException, InterruptedException {
        return follow(http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept-Language", "vi").GET().build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    /** Submits the form with this CSS selector on the current page, its hidden and given fields included. */
    public HttpResponse<String> submit(String formSelector, Map<String, String> fields) throws IOException, InterruptedException {
        Element form = page().selectFirst(formSelector);
        if (form == null) {
            throw new IllegalStateException("no form " + formSelector + " on page:\n" + last.body());
        }
        Map<String, String> data = new LinkedHashMap<>();
        form.select("input[name]").forEach(input -> {
            String type = input.attr("type");
            if (!type.equals("submit") && !type.equals("checkbox") && !type.equals("radio")) {
                data.put(input.attr("name"), input.val());
            }
        });
        data.putAll(fields);
        return post(form.absUrl("action"), data);
    }

    public HttpResponse<String> post(String url, Map<String, String> data) throws IOException, InterruptedException {
        String body = data.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return follow(http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Language", "vi")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
    }

    private HttpResponse<String> follow(HttpResponse<String> response) throws IOException, InterruptedException {
        while (response.statusCode() / 100 == 3) {
            URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
            if (!next.toString().startsWith(serverBase)) {
                break;
            }
            response = http.send(HttpRequest.newBuilder(next).header("Accept-Language", "vi").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        last = response;
        return response;
    }

    /**
     * Keycloak marks its cookies Secure; browsers send those to http://localhost as a secure context, Java's
     * CookieManager does not. Asking for the cookies of the https twin of a loopback URL does what a browser does.
     */
    private static final class LoopbackCookies extends java.net.CookieHandler {
        private final CookieManager cookies = new CookieManager();

        @Override
        public Map<String, java.util.List<String>> get(URI uri, Map<String, java.util.List<String>> headers) throws IOException {
            try {
                return cookies.get(new URI("https", uri.getAuthority(), uri.getPath(), uri.getQuery(), null), headers);
            } catch (java.net.URISyntaxException e) {
                throw new IOException(e);
            }
        }

        @Override
        public void put(URI uri, Map<String, java.util.List<String>> headers) throws IOException {
            cookies.put(uri, headers);
        }
    }

    public HttpResponse<String> last() {
        return last;
    }

    public Document page() {
        return Jsoup.parse(last.body(), last.uri().toString());
    }

    /** Where the server sent the browser outside itself (the relying app's redirect URI), if it did. */
    public URI redirectOut() {
        return last.statusCode() / 100 == 3 ? last.uri().resolve(last.headers().firstValue("Location").orElseThrow()) : null;
    }
}

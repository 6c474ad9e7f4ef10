package vn.binhduong.keycloak.it.benchmark.load;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * One simulated person's browser without JavaScript, as the tests' {@code Browser} walks Keycloak's pages, made for
 * load: one HTTP/1.1 client per load thread (its connections kept alive), and a cookie jar of its own that
 * {@link #newPerson()} empties between logins, so that every login starts without an SSO cookie.
 */
final class Visitor {

    private final String serverBase;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private HttpResponse<String> last;

    Visitor(String serverBase) {
        this.serverBase = serverBase;
    }

    String serverBase() {
        return serverBase;
    }

    void newPerson() {
        cookies.clear();
        last = null;
    }

    /** GET, following redirects within the server; stops at a redirect elsewhere (the app, DVCQG). */
    HttpResponse<String> open(String url) throws IOException, InterruptedException {
        return follow(send(request(URI.create(url)).GET()));
    }

    /** Submits the form with this CSS selector on the current page, its hidden inputs and the given fields. */
    HttpResponse<String> submit(String formSelector, Map<String, String> fields) throws IOException, InterruptedException {
        Element form = page().selectFirst(formSelector);
        if (form == null) {
            throw new FlowException("no " + formSelector + " on " + last.uri() + " (" + last.statusCode() + "): "
                    + page().title() + " " + excerpt());
        }
        Map<String, String> data = new LinkedHashMap<>();
        form.select("input[name]").forEach(input -> {
            String type = input.attr("type");
            if (!type.equals("submit") && !type.equals("checkbox") && !type.equals("radio")) {
                data.put(input.attr("name"), input.val());
            }
        });
        data.putAll(fields);
        return follow(post(form.absUrl("action"), data));
    }

    /** A form POST; the app's token request goes through it too. */
    HttpResponse<String> post(String url, Map<String, String> data) throws IOException, InterruptedException {
        String body = data.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> last() {
        return last;
    }

    Document page() {
        return Jsoup.parse(last.body(), last.uri().toString());
    }

    /** Where the server sent the browser outside itself, or null. */
    URI redirectOut() {
        return last != null && last.statusCode() / 100 == 3
                ? last.uri().resolve(last.headers().firstValue("Location").orElseThrow()) : null;
    }

    String excerpt() {
        String text = page().text();
        return text.substring(0, Math.min(300, text.length()));
    }

    private HttpResponse<String> follow(HttpResponse<String> response) throws IOException, InterruptedException {
        while (response.statusCode() / 100 == 3) {
            URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
            if (!next.toString().startsWith(serverBase)) {
                break;
            }
            response = send(request(next).GET());
        }
        last = response;
        return response;
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("Accept-Language", "vi");
        if (!cookies.isEmpty()) {
            builder.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        // One server, one realm per login: a cookie jar keyed by name is enough (paths and domains agree).
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            if (value.isEmpty() || header.toLowerCase(Locale.ROOT).contains("max-age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        return response;
    }
}

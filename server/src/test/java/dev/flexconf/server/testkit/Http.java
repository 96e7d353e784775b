package dev.flexconf.server.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flexconf.server.FlexConfServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The plain HTTP client of FlexConf's tests (server, app, client, conformance): real requests to a
 * running server, either with an explicit Authorization header or, through {@link #as(String)}, as one
 * account. A transport failure is an AssertionError. Thread-safe.
 */
public final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A status and the response, its body readable as JSON. */
    public record Reply(int status, HttpResponse<String> raw) {
        public JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + raw.body(), e);
            }
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private final String base;

    public Http(String baseUrl) {
        this.base = baseUrl;
    }

    public Http(FlexConfServer server) {
        this(server.url());
    }

    /** A fresh random account sid, so tests never share state by accident. */
    public static String newAccount() {
        return "AC" + java.util.UUID.randomUUID().toString().replace("-", "");
    }

    public static String basic(String user, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code key=value&…}, percent-encoded; keys may repeat. */
    public static String form(String... kv) {
        if (kv.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values come in pairs");
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < kv.length; i += 2) {
            b.append(b.length() == 0 ? "" : "&").append(URLEncoder.encode(kv[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(kv[i + 1], StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    /** Requests as {@code accountSid} (any token: the emulator's open mode). */
    public Account as(String accountSid) {
        return new Account(basic(accountSid, "token"));
    }

    public Reply get(String path, String authorization) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization).GET());
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public Reply postForm(String path, String authorization, String form) {
        return post(path, authorization, "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8));
    }

    public Reply post(String path, String authorization, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    public Reply postJson(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    public Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The same requests as one account. */
    public final class Account {
        private final String authorization;

        private Account(String authorization) {
            this.authorization = authorization;
        }

        public Reply get(String pathAndQuery) {
            return Http.this.get(pathAndQuery, authorization);
        }

        public Reply post(String path, String form) {
            return postForm(path, authorization, form);
        }

        public Reply post(String path, String contentType, byte[] body) {
            return Http.this.post(path, authorization, contentType, body);
        }

        /** Every item of a list, following next_page_url. */
        public List<JsonNode> all(String path, String key) {
            List<JsonNode> items = new ArrayList<>();
            String next = path + (path.contains("?") ? "&" : "?") + "PageSize=1000";
            while (next != null) {
                Reply page = get(next);
                if (page.status() != 200) {
                    throw new AssertionError("list " + next + " answered " + page.status() + ": " + page.raw().body());
                }
                page.json().get(key).forEach(items::add);
                JsonNode url = page.json().get("meta").get("next_page_url");
                next = url.isNull() ? null : url.asText().substring(base.length());
            }
            return items;
        }
    }
}

package dev.flexconf.client;

import dev.flexconf.client.invoker.ApiClient;
import dev.flexconf.client.invoker.ApiException;
import dev.flexconf.model.ListMeta;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The generated PluginService client, set up: a base URL (FlexConf's, or Twilio's by default), HTTP
 * Basic credentials (Account SID and auth token, or API key and secret), HTTP/1.1, and a way to walk
 * every page of a list by following {@code next_page_url}. Built once and shared: thread-safe.
 *
 * <pre>{@code
 * FlexConfClient client = FlexConfClient.builder()
 *         .baseUrl("http://127.0.0.1:4010")
 *         .credentials(accountSid, authToken)
 *         .build();
 * PluginConfiguration c = client.api().createPluginConfiguration("Name", null, List.of(), null);
 * client.all(client.api().listPluginConfiguration(null, 50L, null, null),
 *         ListPluginConfigurationResponse::getConfigurations, ListPluginConfigurationResponse::getMeta)
 *       .forEach(System.out::println);
 * }</pre>
 */
public final class FlexConfClient {
    /** Twilio's own base URL, the default. */
    public static final String TWILIO_BASE_URL = "https://flex-api.twilio.com";

    private final FlexConfApi api;

    private FlexConfClient(FlexConfApi api) {
        this.api = api;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Every PluginService operation; errors are {@link TwilioApiException}s. */
    public FlexConfApi api() {
        return api;
    }

    /**
     * Every item of a list, from {@code firstPage} on, fetching each further page lazily by following
     * its {@code next_page_url} verbatim. A failed page fetch surfaces as an unchecked
     * {@link PageFetchException} wrapping the {@link TwilioApiException}.
     */
    @SuppressWarnings("unchecked")
    public <P, T> Stream<T> all(P firstPage, Function<P, List<T>> items, Function<P, ListMeta> meta) {
        Objects.requireNonNull(firstPage, "firstPage");
        Class<P> type = (Class<P>) firstPage.getClass();
        Iterator<T> iterator = new Iterator<>() {
            private P page = firstPage;
            private Iterator<T> current = items.apply(firstPage).iterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext()) {
                    String next = meta.apply(page).getNextPageUrl() == null ? null : meta.apply(page).getNextPageUrl().toString();
                    if (next == null) {
                        return false;
                    }
                    try {
                        page = api.getPage(next, type);
                    } catch (ApiException e) {
                        throw new PageFetchException(e);
                    }
                    current = items.apply(page).iterator();
                }
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED), false);
    }

    /** A page of a list could not be fetched while streaming; the cause says why. */
    public static final class PageFetchException extends RuntimeException {
        PageFetchException(ApiException cause) {
            super(cause.getMessage(), cause);
        }

        @Override
        public synchronized ApiException getCause() {
            return (ApiException) super.getCause();
        }
    }

    /** Builds a {@link FlexConfClient}. Not thread-safe; use once. */
    public static final class Builder {
        private String baseUrl = TWILIO_BASE_URL;
        private String username;
        private String password;
        private Duration timeout = Duration.ofSeconds(30);

        private Builder() {
        }

        /** The base URL, e.g. {@code http://127.0.0.1:4010}; default {@value #TWILIO_BASE_URL}. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            return this;
        }

        /** Account SID and auth token, or API key SID and secret. */
        public Builder credentials(String sid, String secret) {
            this.username = Objects.requireNonNull(sid, "sid");
            this.password = Objects.requireNonNull(secret, "secret");
            return this;
        }

        /** Read timeout of each request; default 30 seconds. */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        public FlexConfClient build() {
            if (username == null) {
                throw new IllegalStateException("credentials are required");
            }
            String authorization = "Basic " + Base64.getEncoder()
                    .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
            ApiClient apiClient = new ApiClient();
            apiClient.setHttpClientBuilder(HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)));
            apiClient.updateBaseUri(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
            apiClient.setReadTimeout(timeout);
            apiClient.setRequestInterceptor(request -> request.header("Authorization", authorization));
            return new FlexConfClient(new FlexConfApi(apiClient));
        }
    }
}

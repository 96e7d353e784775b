package dev.flexconf.client;

import dev.flexconf.client.api.PluginServiceApi;
import dev.flexconf.client.invoker.ApiClient;
import dev.flexconf.client.invoker.ApiException;
import dev.flexconf.client.invoker.ApiResponse;
import dev.flexconf.model.PluginConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/**
 * The generated {@link PluginServiceApi} with two gaps closed: every error is a
 * {@link TwilioApiException}, and {@code createPluginConfiguration} accepts a null {@code plugins}
 * (the generated code would throw a NullPointerException). Thread-safe as the generated API is.
 */
public class FlexConfApi extends PluginServiceApi {
    private final ApiClient apiClient;

    public FlexConfApi(ApiClient apiClient) {
        super(apiClient);
        this.apiClient = apiClient;
    }

    @Override
    protected ApiException getApiException(String operationId, HttpResponse<InputStream> response) throws IOException {
        String body;
        try (InputStream in = response.body()) {
            body = in == null ? null : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        return new TwilioApiException(operationId, response.statusCode(), response.headers(), body,
                apiClient.getObjectMapper());
    }

    @Override
    public ApiResponse<PluginConfiguration> createPluginConfigurationWithHttpInfo(String name, String flexMetadata,
            List<String> plugins, String description, Map<String, String> headers) throws ApiException {
        return super.createPluginConfigurationWithHttpInfo(name, flexMetadata, plugins == null ? List.of() : plugins,
                description, headers);
    }

    /** GETs an absolute URL the server gave (a {@code next_page_url}) as a {@code type}, within the client's read timeout. */
    <P> P getPage(String url, Class<P> type) throws ApiException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "application/json")
                .GET();
        if (apiClient.getReadTimeout() != null) {
            request.timeout(apiClient.getReadTimeout());
        }
        if (apiClient.getRequestInterceptor() != null) {
            apiClient.getRequestInterceptor().accept(request);
        }
        try {
            HttpResponse<InputStream> response = apiClient.getHttpClient()
                    .send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() / 100 != 2) {
                throw getApiException("page " + url, response);
            }
            try (InputStream in = response.body()) {
                return apiClient.getObjectMapper().readValue(in, type);
            }
        } catch (IOException e) {
            throw new ApiException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(e);
        }
    }
}

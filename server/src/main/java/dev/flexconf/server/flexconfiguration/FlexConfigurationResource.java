package dev.flexconf.server.flexconfiguration;

import dev.flexconf.server.http.BaseUrl;
import dev.flexconf.server.http.BasicAuth;
import dev.flexconf.server.http.Json;
import dev.flexconf.server.http.Operations;

/** {@code /v1/Configuration}: the account's Flex Configuration, read only ({@link FlexConfigurations}). Thread-safe. */
public final class FlexConfigurationResource {
    private static final String PATH = "/v1/Configuration";

    private final FlexConfigurations configurations;
    private final BaseUrl baseUrl;

    public FlexConfigurationResource(FlexConfigurations configurations, BaseUrl baseUrl) {
        this.configurations = configurations;
        this.baseUrl = baseUrl;
    }

    public void register(Operations operations) {
        operations.get("FetchConfiguration", PATH,
                ctx -> Json.respond(ctx, 200, configurations.find(BasicAuth.account(ctx), baseUrl.of(ctx))));
    }
}

package dev.flexconf.server.configurations;

import dev.flexconf.server.http.BaseUrl;
import dev.flexconf.server.http.BasicAuth;
import dev.flexconf.server.http.Form;
import dev.flexconf.server.http.Json;
import dev.flexconf.server.http.Operations;
import dev.flexconf.server.http.Paging;
import io.javalin.http.Context;

/**
 * {@code /v1/PluginService/Configurations} and their configured plugins: the HTTP side of
 * {@link Configurations}. Thread-safe.
 */
public final class ConfigurationResource {
    private static final String PATH = "/v1/PluginService/Configurations";

    private final Configurations configurations;
    private final Paging paging;
    private final BaseUrl baseUrl;

    public ConfigurationResource(Configurations configurations, Paging paging, BaseUrl baseUrl) {
        this.configurations = configurations;
        this.paging = paging;
        this.baseUrl = baseUrl;
    }

    public void register(Operations operations) {
        operations.get("ListPluginConfiguration", PATH, this::list);
        operations.post("CreatePluginConfiguration", PATH, this::create);
        operations.get("FetchPluginConfiguration", PATH + "/{Sid}", this::fetch);
        operations.post("UpdatePluginConfigurationArchive", PATH + "/{Sid}/Archive", this::archive);
        operations.get("ListConfiguredPlugin", PATH + "/{ConfigurationSid}/Plugins", this::listPlugins);
        operations.get("FetchConfiguredPlugin", PATH + "/{ConfigurationSid}/Plugins/{PluginSid}", this::fetchPlugin);
    }

    private void create(Context ctx) {
        Form form = Form.of(ctx);
        Json.respondBytes(ctx, 201, configurations.create(BasicAuth.account(ctx), form.required("Name"), form.last("Description"),
                form.all("Plugins").stream().map(PluginEntry::parse).toList(), baseUrl.of(ctx)));
    }

    private void fetch(Context ctx) {
        Json.respondBytes(ctx, 200, configurations.find(BasicAuth.account(ctx), ctx.pathParam("Sid"), baseUrl.of(ctx)));
    }

    private void list(Context ctx) {
        Json.respondBytes(ctx, 200, configurations.page(BasicAuth.account(ctx), paging.request(ctx, "configurations"),
                baseUrl.of(ctx), ctx.queryString()));
    }

    private void archive(Context ctx) {
        Json.respond(ctx, 200, ConfigurationViews.archive(configurations.archive(BasicAuth.account(ctx), ctx.pathParam("Sid")),
                baseUrl.of(ctx)));
    }

    private void listPlugins(Context ctx) {
        Json.respondBytes(ctx, 200, configurations.pluginsPage(BasicAuth.account(ctx), ctx.pathParam("ConfigurationSid"),
                paging.request(ctx, "plugins"), baseUrl.of(ctx), ctx.queryString()));
    }

    private void fetchPlugin(Context ctx) {
        Json.respond(ctx, 200, ConfigurationViews.configuredPlugin(configurations.plugin(BasicAuth.account(ctx),
                ctx.pathParam("ConfigurationSid"), ctx.pathParam("PluginSid")), baseUrl.of(ctx)));
    }
}

package dev.flexconf.server.plugins;

import dev.flexconf.model.ListPluginResponse;
import dev.flexconf.server.http.BaseUrl;
import dev.flexconf.server.http.BasicAuth;
import dev.flexconf.server.http.Form;
import dev.flexconf.server.http.Json;
import dev.flexconf.server.http.Operations;
import dev.flexconf.server.http.Paging;
import dev.flexconf.server.store.PluginStore.PluginRow;
import io.javalin.http.Context;

/** {@code /v1/PluginService/Plugins}: the HTTP side of {@link Plugins}. Thread-safe. */
public final class PluginResource {
    private static final String PATH = "/v1/PluginService/Plugins";

    private final Plugins plugins;
    private final Paging paging;
    private final BaseUrl baseUrl;

    public PluginResource(Plugins plugins, Paging paging, BaseUrl baseUrl) {
        this.plugins = plugins;
        this.paging = paging;
        this.baseUrl = baseUrl;
    }

    public void register(Operations operations) {
        operations.get("ListPlugin", PATH, this::list);
        operations.post("CreatePlugin", PATH, this::create);
        operations.get("FetchPlugin", PATH + "/{Sid}", this::fetch);
        operations.post("UpdatePlugin", PATH + "/{Sid}", this::update);
        operations.post("UpdatePluginArchive", PATH + "/{Sid}/Archive", this::archive);
    }

    private void create(Context ctx) {
        Form form = Form.of(ctx);
        PluginRow row = plugins.create(BasicAuth.account(ctx), form.required("UniqueName"), form.last("FriendlyName"),
                form.last("Description"));
        Json.respond(ctx, 201, PluginViews.plugin(row, baseUrl.of(ctx)));
    }

    private void fetch(Context ctx) {
        Json.respond(ctx, 200, PluginViews.plugin(plugins.find(BasicAuth.account(ctx), ctx.pathParam("Sid")), baseUrl.of(ctx)));
    }

    private void list(Context ctx) {
        Paging.Page<PluginRow> page = plugins.page(BasicAuth.account(ctx), paging.request(ctx, "plugins"));
        String base = baseUrl.of(ctx);
        Json.respond(ctx, 200, new ListPluginResponse()
                .plugins(page.items().stream().map(r -> PluginViews.plugin(r, base)).toList())
                .meta(page.meta()));
    }

    private void update(Context ctx) {
        Form form = Form.of(ctx);
        PluginRow row = plugins.update(BasicAuth.account(ctx), ctx.pathParam("Sid"), form.last("FriendlyName"),
                form.last("Description"));
        Json.respond(ctx, 200, PluginViews.plugin(row, baseUrl.of(ctx)));
    }

    private void archive(Context ctx) {
        Json.respond(ctx, 200, PluginViews.archive(plugins.archive(BasicAuth.account(ctx), ctx.pathParam("Sid")), baseUrl.of(ctx)));
    }
}

package dev.flexconf.server.versions;

import dev.flexconf.model.ListPluginVersionResponse;
import dev.flexconf.server.http.BaseUrl;
import dev.flexconf.server.http.BasicAuth;
import dev.flexconf.server.http.Form;
import dev.flexconf.server.http.Json;
import dev.flexconf.server.http.Operations;
import dev.flexconf.server.http.Paging;
import dev.flexconf.server.store.VersionStore.VersionRow;
import io.javalin.http.Context;

/** {@code /v1/PluginService/Plugins/{PluginSid}/Versions}: the HTTP side of {@link PluginVersions}. Thread-safe. */
public final class VersionResource {
    private static final String PATH = "/v1/PluginService/Plugins/{PluginSid}/Versions";

    private final PluginVersions versions;
    private final Paging paging;
    private final BaseUrl baseUrl;

    public VersionResource(PluginVersions versions, Paging paging, BaseUrl baseUrl) {
        this.versions = versions;
        this.paging = paging;
        this.baseUrl = baseUrl;
    }

    public void register(Operations operations) {
        operations.get("ListPluginVersion", PATH, this::list);
        operations.post("CreatePluginVersion", PATH, this::create);
        operations.get("FetchPluginVersion", PATH + "/{Sid}", this::fetch);
        operations.post("UpdatePluginVersionArchive", PATH + "/{Sid}/Archive", this::archive);
    }

    private void create(Context ctx) {
        VersionRow row = versions.create(BasicAuth.account(ctx), ctx.pathParam("PluginSid"), PluginVersionInput.read(Form.of(ctx)));
        Json.respond(ctx, 201, VersionViews.version(row, baseUrl.of(ctx)));
    }

    private void fetch(Context ctx) {
        VersionRow row = versions.find(BasicAuth.account(ctx), ctx.pathParam("PluginSid"), ctx.pathParam("Sid"));
        Json.respond(ctx, 200, VersionViews.version(row, baseUrl.of(ctx)));
    }

    private void list(Context ctx) {
        Paging.Page<VersionRow> page = versions.page(BasicAuth.account(ctx), ctx.pathParam("PluginSid"),
                paging.request(ctx, "plugin_versions"));
        String base = baseUrl.of(ctx);
        Json.respond(ctx, 200, new ListPluginVersionResponse()
                .pluginVersions(page.items().stream().map(r -> VersionViews.version(r, base)).toList())
                .meta(page.meta()));
    }

    private void archive(Context ctx) {
        VersionRow row = versions.archive(BasicAuth.account(ctx), ctx.pathParam("PluginSid"), ctx.pathParam("Sid"));
        Json.respond(ctx, 200, VersionViews.archive(row, baseUrl.of(ctx)));
    }
}

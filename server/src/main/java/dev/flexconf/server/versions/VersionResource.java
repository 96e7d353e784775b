package dev.flexconf.server.versions;

import dev.flexconf.model.ListPluginVersionResponse;
import dev.flexconf.server.archiving.Archiving;
import dev.flexconf.server.configurations.ConfigurationCache;
import dev.flexconf.server.http.BaseUrl;
import dev.flexconf.server.http.BasicAuth;
import dev.flexconf.server.http.Dates;
import dev.flexconf.server.http.Form;
import dev.flexconf.server.http.Json;
import dev.flexconf.server.http.Operations;
import dev.flexconf.server.http.Paging;
import dev.flexconf.server.http.TwilioException;
import dev.flexconf.server.plugins.PluginResource;
import dev.flexconf.server.store.Database;
import dev.flexconf.server.store.PluginStore.PluginRow;
import dev.flexconf.server.store.VersionStore;
import dev.flexconf.server.store.VersionStore.NewVersion;
import dev.flexconf.server.store.VersionStore.VersionRow;
import io.javalin.http.Context;

/**
 * {@code /v1/PluginService/Plugins/{PluginSid}/Versions}: create, fetch, list and archive. A version
 * is addressed by its FV sid or its version string, which is unique within its plugin. Thread-safe.
 */
public final class VersionResource {
    private static final String PATH = "/v1/PluginService/Plugins/{PluginSid}/Versions";

    private final Database db;
    private final Paging paging;
    private final BaseUrl baseUrl;
    private final ConfigurationCache cache;

    public VersionResource(Database db, Paging paging, BaseUrl baseUrl, ConfigurationCache cache) {
        this.db = db;
        this.paging = paging;
        this.baseUrl = baseUrl;
        this.cache = cache;
    }

    public void register(Operations operations) {
        operations.get("ListPluginVersion", PATH, this::list);
        operations.post("CreatePluginVersion", PATH, this::create);
        operations.get("FetchPluginVersion", PATH + "/{Sid}", this::fetch);
        operations.post("UpdatePluginVersionArchive", PATH + "/{Sid}/Archive", this::archive);
    }

    private void create(Context ctx) {
        String account = BasicAuth.account(ctx);
        NewVersion input = PluginVersionInput.read(Form.of(ctx));
        VersionRow row = db.write(h -> {
            PluginRow plugin = PluginResource.require(h, ctx, "PluginSid");
            Archiving.requireUsable("Plugin", plugin.sid(), plugin.archived());
            if (VersionStore.versionTaken(h, plugin.sid(), input.version())) {
                throw TwilioException.invalidParameter("Version",
                        "version " + input.version() + " of plugin " + plugin.uniqueName() + " already exists");
            }
            return VersionStore.insert(h, account, plugin.sid(), input, Dates.now());
        });
        Json.respond(ctx, 201, VersionViews.version(row, baseUrl.of(ctx)));
    }

    private void fetch(Context ctx) {
        VersionRow row = db.read(h -> require(h, ctx));
        Json.respond(ctx, 200, VersionViews.version(row, baseUrl.of(ctx)));
    }

    private void list(Context ctx) {
        String base = baseUrl.of(ctx);
        Paging.Page<VersionRow> page = db.read(h -> {
            PluginRow plugin = PluginResource.require(h, ctx, "PluginSid");
            return paging.page(ctx, "plugin_versions", k -> VersionStore.list(h, plugin.sid(), k));
        });
        Json.respond(ctx, 200, new ListPluginVersionResponse()
                .pluginVersions(page.items().stream().map(r -> VersionViews.version(r, base)).toList())
                .meta(page.meta()));
    }

    private void archive(Context ctx) {
        String account = BasicAuth.account(ctx);
        VersionRow row = db.write(h -> {
            VersionRow version = require(h, ctx);
            Archiving.requireNotYetArchived("Plugin version", version.archived());
            Archiving.requireNotActive(h, account, "Plugin version", version.sid());
            return VersionStore.archive(h, version.sid());
        });
        cache.clear(); // configured plugins show whether their version is archived
        Json.respond(ctx, 200, VersionViews.archive(row, baseUrl.of(ctx)));
    }

    private static VersionRow require(org.jdbi.v3.core.Handle h, Context ctx) {
        PluginRow plugin = PluginResource.require(h, ctx, "PluginSid");
        return VersionStore.find(h, plugin.sid(), ctx.pathParam("Sid"))
                .orElseThrow(() -> TwilioException.notFound(ctx.path()));
    }
}

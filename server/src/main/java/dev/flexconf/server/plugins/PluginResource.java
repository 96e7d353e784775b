package dev.flexconf.server.plugins;

import dev.flexconf.model.ListPluginResponse;
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
import dev.flexconf.server.store.Database;
import dev.flexconf.server.store.PluginStore;
import dev.flexconf.server.store.PluginStore.PluginRow;
import io.javalin.http.Context;
import org.jdbi.v3.core.Handle;

/**
 * {@code /v1/PluginService/Plugins}: create, fetch, list, update and archive. A plugin is addressed by
 * its FP sid or its unique name, which is unique within the account. Thread-safe.
 */
public final class PluginResource {
    private static final String PATH = "/v1/PluginService/Plugins";

    private final Database db;
    private final Paging paging;
    private final BaseUrl baseUrl;
    private final ConfigurationCache cache;

    public PluginResource(Database db, Paging paging, BaseUrl baseUrl, ConfigurationCache cache) {
        this.db = db;
        this.paging = paging;
        this.baseUrl = baseUrl;
        this.cache = cache;
    }

    public void register(Operations operations) {
        operations.get("ListPlugin", PATH, this::list);
        operations.post("CreatePlugin", PATH, this::create);
        operations.get("FetchPlugin", PATH + "/{Sid}", this::fetch);
        operations.post("UpdatePlugin", PATH + "/{Sid}", this::update);
        operations.post("UpdatePluginArchive", PATH + "/{Sid}/Archive", this::archive);
    }

    /**
     * The plugin of the request's account named by path parameter {@code param} (FP sid or unique
     * name), or a 404 for the requested path. Used by every resource nested under a plugin.
     */
    public static PluginRow require(Handle h, Context ctx, String param) {
        return PluginStore.find(h, BasicAuth.account(ctx), ctx.pathParam(param))
                .orElseThrow(() -> TwilioException.notFound(ctx.path()));
    }

    private void create(Context ctx) {
        String account = BasicAuth.account(ctx);
        Form form = Form.of(ctx);
        String uniqueName = form.required("UniqueName");
        String friendlyName = PluginNames.friendlyName(uniqueName, form.last("FriendlyName"));
        String description = form.last("Description");
        PluginRow row = db.write(h -> {
            if (PluginStore.uniqueNameTaken(h, account, uniqueName)) {
                throw TwilioException.invalidParameter("UniqueName", "a plugin named " + uniqueName + " already exists");
            }
            return PluginStore.insert(h, account, uniqueName, friendlyName, description, Dates.now());
        });
        Json.respond(ctx, 201, PluginViews.plugin(row, baseUrl.of(ctx)));
    }

    private void fetch(Context ctx) {
        PluginRow row = db.read(h -> require(h, ctx, "Sid"));
        Json.respond(ctx, 200, PluginViews.plugin(row, baseUrl.of(ctx)));
    }

    private void list(Context ctx) {
        String account = BasicAuth.account(ctx);
        String base = baseUrl.of(ctx);
        Paging.Page<PluginRow> page = db.read(h -> paging.page(ctx, "plugins", k -> PluginStore.list(h, account, k)));
        Json.respond(ctx, 200, new ListPluginResponse()
                .plugins(page.items().stream().map(r -> PluginViews.plugin(r, base)).toList())
                .meta(page.meta()));
    }

    private void update(Context ctx) {
        Form form = Form.of(ctx);
        String friendlyName = form.last("FriendlyName");
        String description = form.last("Description");
        PluginRow row = db.write(h -> {
            PluginRow plugin = require(h, ctx, "Sid");
            return PluginStore.update(h, plugin.sid(), friendlyName, description, Dates.now());
        });
        cache.clear(); // configured plugins show the plugin's names
        Json.respond(ctx, 200, PluginViews.plugin(row, baseUrl.of(ctx)));
    }

    private void archive(Context ctx) {
        String account = BasicAuth.account(ctx);
        PluginRow row = db.write(h -> {
            PluginRow plugin = require(h, ctx, "Sid");
            Archiving.requireNotYetArchived("Plugin", plugin.archived());
            Archiving.requireNotActive(h, account, "Plugin", plugin.sid());
            return PluginStore.archive(h, plugin.sid(), Dates.now());
        });
        cache.clear(); // configured plugins show whether their plugin is archived
        Json.respond(ctx, 200, PluginViews.archive(row, baseUrl.of(ctx)));
    }
}

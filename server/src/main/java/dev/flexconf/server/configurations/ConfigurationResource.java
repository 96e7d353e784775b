package dev.flexconf.server.configurations;

import dev.flexconf.model.ListConfiguredPluginResponse;
import dev.flexconf.model.ListMeta;
import dev.flexconf.model.ListPluginConfigurationResponse;
import dev.flexconf.server.archiving.Archiving;
import dev.flexconf.server.http.BaseUrl;
import dev.flexconf.server.http.BasicAuth;
import dev.flexconf.server.http.Dates;
import dev.flexconf.server.http.Form;
import dev.flexconf.server.http.Json;
import dev.flexconf.server.http.Operations;
import dev.flexconf.server.http.Paging;
import dev.flexconf.server.http.PathSids;
import dev.flexconf.server.http.TwilioException;
import dev.flexconf.server.store.ConfigurationStore;
import dev.flexconf.server.store.ConfigurationStore.ConfigurationKey;
import dev.flexconf.server.store.ConfigurationStore.ConfigurationRow;
import dev.flexconf.server.store.ConfigurationStore.ConfiguredPluginRow;
import dev.flexconf.server.store.ConfigurationStore.Entry;
import dev.flexconf.server.store.Database;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * {@code /v1/PluginService/Configurations} and their configured plugins. A configuration is immutable:
 * after create, archive (one way) is the only change, and its configured plugins stay fetchable as
 * they were bundled. Thread-safe.
 */
public final class ConfigurationResource {
    private static final String PATH = "/v1/PluginService/Configurations";

    private final Database db;
    private final Paging paging;
    private final BaseUrl baseUrl;
    private final ConfigurationCache cache;

    public ConfigurationResource(Database db, Paging paging, BaseUrl baseUrl, ConfigurationCache cache) {
        this.db = db;
        this.paging = paging;
        this.baseUrl = baseUrl;
        this.cache = cache;
    }

    public void register(Operations operations) {
        operations.get("ListPluginConfiguration", PATH, this::list);
        operations.post("CreatePluginConfiguration", PATH, this::create);
        operations.get("FetchPluginConfiguration", PATH + "/{Sid}", this::fetch);
        operations.post("UpdatePluginConfigurationArchive", PATH + "/{Sid}/Archive", this::archive);
        operations.get("ListConfiguredPlugin", PATH + "/{ConfigurationSid}/Plugins", this::listPlugins);
        operations.get("FetchConfiguredPlugin", PATH + "/{ConfigurationSid}/Plugins/{PluginSid}", this::fetchPlugin);
    }

    /** The configuration of the request's account named by path parameter {@code param}, or a 404 ({@link PathSids}). */
    public static ConfigurationRow require(Handle h, Context ctx, String param) {
        return PathSids.require(ctx, param, "FJ", sid -> ConfigurationStore.find(h, BasicAuth.account(ctx), sid));
    }

    private void create(Context ctx) {
        String account = BasicAuth.account(ctx);
        Form form = Form.of(ctx);
        String name = form.required("Name");
        String description = form.last("Description");
        List<PluginEntry> requested = form.all("Plugins").stream().map(PluginEntry::parse).toList();
        long stamp = cache.stamp();
        ConfigurationRow row = db.write(h ->
                ConfigurationStore.insert(h, account, name, description, entries(h, account, requested), Dates.now()));
        cache.listChanged(account);
        String base = baseUrl.of(ctx);
        byte[] json = Json.bytes(ConfigurationViews.configuration(row, base));
        cache.put(ConfigurationCache.key(base, account, row.sid()), json, stamp);
        Json.respondBytes(ctx, 201, json);
    }

    /**
     * Resolves requested entries: each version must be a version of this account, usable (neither it
     * nor its plugin archived), and at most one version per plugin.
     */
    private static List<Entry> entries(Handle h, String account, List<PluginEntry> requested) {
        Map<String, ConfigurationStore.Candidate> candidates = ConfigurationStore.candidates(h, account,
                requested.stream().map(PluginEntry::pluginVersion).collect(Collectors.toCollection(LinkedHashSet::new)));
        List<Entry> entries = new ArrayList<>(requested.size());
        Set<String> plugins = new HashSet<>();
        for (PluginEntry e : requested) {
            ConfigurationStore.Candidate c = candidates.get(e.pluginVersion());
            if (c == null) {
                throw TwilioException.invalidParameter("Plugins", "plugin version " + e.pluginVersion() + " was not found");
            }
            if (!plugins.add(c.pluginSid())) {
                throw TwilioException.invalidParameter("Plugins",
                        "plugin " + c.uniqueName() + " (" + c.pluginSid() + ") is given more than once");
            }
            Archiving.requireUsable("Plugin", c.pluginSid(), c.pluginArchived());
            Archiving.requireUsable("Plugin version", c.versionSid(), c.versionArchived());
            entries.add(new Entry(c.pluginSid(), c.versionSid(), e.phase()));
        }
        return entries;
    }

    private void fetch(Context ctx) {
        String base = baseUrl.of(ctx);
        String key = ConfigurationCache.key(base, BasicAuth.account(ctx), ctx.pathParam("Sid"));
        byte[] json = cache.get(key);
        if (json == null) {
            long stamp = cache.stamp();
            json = Json.bytes(ConfigurationViews.configuration(db.read(h -> require(h, ctx, "Sid")), base));
            cache.put(key, json, stamp);
        }
        Json.respondBytes(ctx, 200, json);
    }

    /**
     * A page of configurations. Each item is the JSON a fetch answers: the page is read as keys from
     * the list index, and only configurations missing from the cache of ready JSON are read whole (in
     * the same transaction) and added to it. The whole page is kept too, until the account's list
     * changes. The envelope is {@link ListPluginConfigurationResponse}'s.
     */
    private void list(Context ctx) {
        String account = BasicAuth.account(ctx);
        String base = baseUrl.of(ctx);
        Map<String, byte[]> pages = cache.listPages(account);
        String pageKey = ConfigurationCache.listPageKey(base, ctx.queryString());
        byte[] page = pages.get(pageKey);
        if (page == null) {
            long stamp = cache.stamp();
            Listed listed = db.read(h -> {
                Paging.Page<ConfigurationKey> keys =
                        paging.page(ctx, "configurations", k -> ConfigurationStore.keys(h, account, k));
                List<byte[]> items = new ArrayList<>(keys.items().size());
                for (ConfigurationKey listedKey : keys.items()) {
                    String key = ConfigurationCache.key(base, account, listedKey.sid());
                    byte[] json = cache.get(key);
                    if (json == null) {
                        json = Json.bytes(ConfigurationViews.configuration(ConfigurationStore.at(h, listedKey.seq()), base));
                        cache.put(key, json, stamp);
                    }
                    items.add(json);
                }
                return new Listed(items, keys.meta());
            });
            page = Json.envelope("configurations", listed.items(), listed.meta());
            cache.putListPage(pages, pageKey, page);
        }
        Json.respondBytes(ctx, 200, page);
    }

    private record Listed(List<byte[]> items, ListMeta meta) {
    }

    private void archive(Context ctx) {
        String account = BasicAuth.account(ctx);
        ConfigurationRow row = db.write(h -> {
            ConfigurationRow configuration = require(h, ctx, "Sid");
            Archiving.requireNotYetArchived("Configuration", configuration.archived());
            Archiving.requireNotActive(h, account, "Configuration", configuration.sid());
            return ConfigurationStore.archive(h, configuration.sid());
        });
        cache.forget(account, row.sid());
        Json.respond(ctx, 200, ConfigurationViews.archive(row, baseUrl.of(ctx)));
    }

    /** A page of configured plugins: immutable but for their plugin and version rows, so cached too. */
    private void listPlugins(Context ctx) {
        String base = baseUrl.of(ctx);
        String key = ConfigurationCache.pluginsKey(base, BasicAuth.account(ctx), ctx.pathParam("ConfigurationSid"),
                ctx.queryString());
        byte[] json = cache.get(key);
        if (json == null) {
            long stamp = cache.stamp();
            Paging.Page<ConfiguredPluginRow> page = db.read(h -> {
                ConfigurationRow configuration = require(h, ctx, "ConfigurationSid");
                return paging.page(ctx, "plugins", k -> ConfigurationStore.plugins(h, configuration.sid(), k));
            });
            json = Json.bytes(new ListConfiguredPluginResponse()
                    .plugins(page.items().stream().map(r -> ConfigurationViews.configuredPlugin(r, base)).toList())
                    .meta(page.meta()));
            cache.put(key, json, stamp);
        }
        Json.respondBytes(ctx, 200, json);
    }

    private void fetchPlugin(Context ctx) {
        ConfiguredPluginRow row = db.read(h -> {
            ConfigurationRow configuration = require(h, ctx, "ConfigurationSid");
            return ConfigurationStore.plugin(h, configuration.sid(), ctx.pathParam("PluginSid"))
                    .orElseThrow(() -> TwilioException.notFound(ctx.path()));
        });
        Json.respond(ctx, 200, ConfigurationViews.configuredPlugin(row, baseUrl.of(ctx)));
    }
}

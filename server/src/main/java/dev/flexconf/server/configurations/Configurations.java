package dev.flexconf.server.configurations;

import dev.flexconf.model.ListConfiguredPluginResponse;
import dev.flexconf.model.ListMeta;
import dev.flexconf.server.archiving.Archiving;
import dev.flexconf.server.configurations.ConfigurationCache.Generation;
import dev.flexconf.server.http.Dates;
import dev.flexconf.server.http.Json;
import dev.flexconf.server.http.Paging;
import dev.flexconf.server.http.TwilioException;
import dev.flexconf.server.store.ConfigurationStore.Candidate;
import dev.flexconf.server.store.ConfigurationStore.ConfigurationKey;
import dev.flexconf.server.store.ConfigurationStore.ConfigurationRow;
import dev.flexconf.server.store.ConfigurationStore.ConfiguredPluginRow;
import dev.flexconf.server.store.ConfigurationStore.Entry;
import dev.flexconf.server.store.Database;
import dev.flexconf.server.store.Sids;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * The configurations of an account and their configured plugins, and every rule of them: a
 * configuration is immutable (after create, archive, one way, is the only change); it bundles versions
 * of its own account, usable ones, at most one per plugin, each with a non-negative phase; an
 * identifier that is not shaped like an FJ sid names nothing. Reads answer ready JSON from the
 * {@link ConfigurationCache}, which every use case here keeps right. Thread-safe.
 */
public final class Configurations {
    private final Database db;
    private final ConfigurationCache cache;

    public Configurations(Database db, ConfigurationCache cache) {
        this.db = db;
        this.cache = cache;
    }

    /** Creates a configuration of the requested entries, in their order; its JSON, URLs under {@code base}. */
    public byte[] create(String account, String name, String description, List<PluginEntry> requested, String base) {
        Generation generation = cache.of(account);
        ConfigurationRow row = db.write(h ->
                db.configurations().insert(h, account, name, description, entries(db, h, account, requested), Dates.now()));
        cache.configurationCreated(account);
        byte[] json = Json.bytes(ConfigurationViews.configuration(row, base));
        generation.putEntry(ConfigurationCache.key(base, row.sid()), json);
        return json;
    }

    /**
     * Resolves requested entries: each version must be a version of this account, usable (neither it
     * nor its plugin archived), and at most one version per plugin.
     */
    private static List<Entry> entries(Database db, Handle h, String account, List<PluginEntry> requested) {
        Map<String, Candidate> candidates = db.configurations().candidates(h, account,
                requested.stream().map(PluginEntry::pluginVersion).collect(Collectors.toCollection(LinkedHashSet::new)));
        List<Entry> entries = new ArrayList<>(requested.size());
        Set<String> plugins = new HashSet<>();
        for (PluginEntry e : requested) {
            Candidate c = candidates.get(e.pluginVersion());
            if (c == null) {
                throw TwilioException.invalidParameter("Plugins", "plugin version " + e.pluginVersion() + " was not found");
            }
            requireOnePerPlugin("Plugins", plugins, c.pluginSid(), c.uniqueName());
            Archiving.requireUsable("Plugin", c.pluginSid(), c.pluginArchived());
            Archiving.requireUsable("Plugin version", c.versionSid(), c.versionArchived());
            entries.add(new Entry(c.pluginSid(), c.versionSid(), e.phase()));
        }
        return entries;
    }

    /** The configuration {@code id} of {@code account} as JSON, URLs under {@code base}; else a 404. */
    public byte[] find(String account, String id, String base) {
        Generation generation = cache.of(account);
        String key = ConfigurationCache.key(base, id);
        byte[] json = generation.entry(key);
        if (json == null) {
            json = Json.bytes(ConfigurationViews.configuration(db.read(h -> require(db, h, account, id)), base));
            generation.putEntry(key, json);
        }
        return json;
    }

    /**
     * A page of the account's configurations as the list's JSON. Each item is the JSON a fetch answers:
     * the page is read as keys from the list index, and only configurations missing from the cache are
     * read whole (in the same transaction). The whole page is kept too, keyed by {@code query}, until
     * the account's list changes. On a database shared with other processes nothing is cached, and the
     * page is read whole in one query instead.
     */
    public byte[] page(String account, Paging.Request request, String base, String query) {
        Generation generation = cache.of(account);
        String pageKey = ConfigurationCache.listPageKey(base, query);
        byte[] page = generation.page(pageKey);
        if (page == null) {
            Listed listed = db.read(h -> {
                if (db.shared()) {
                    Paging.Page<ConfigurationRow> rows = request.read(k -> db.configurations().list(h, account, k));
                    return new Listed(rows.items().stream().map(r -> Json.bytes(ConfigurationViews.configuration(r, base))).toList(),
                            rows.meta());
                }
                Paging.Page<ConfigurationKey> keys = request.read(k -> db.configurations().keys(h, account, k));
                List<byte[]> items = new ArrayList<>(keys.items().size());
                for (ConfigurationKey listedKey : keys.items()) {
                    String key = ConfigurationCache.key(base, listedKey.sid());
                    byte[] json = generation.entry(key);
                    if (json == null) {
                        json = Json.bytes(ConfigurationViews.configuration(db.configurations().at(h, listedKey.seq()), base));
                        generation.putEntry(key, json);
                    }
                    items.add(json);
                }
                return new Listed(items, keys.meta());
            });
            page = Json.envelope("configurations", listed.items(), listed.meta());
            generation.putPage(pageKey, page);
        }
        return page;
    }

    private record Listed(List<byte[]> items, ListMeta meta) {
    }

    public ConfigurationRow archive(String account, String id) {
        ConfigurationRow row = db.write(h -> {
            ConfigurationRow configuration = require(db, h, account, id);
            Archiving.requireNotYetArchived("Configuration", configuration.archived());
            Archiving.requireNotActive(db, h, account, "Configuration", configuration.sid());
            return db.configurations().archive(h, configuration.sid());
        });
        cache.configurationArchived(account);
        return row;
    }

    /** A page of a configuration's plugins as the list's JSON: immutable but for their plugin and version rows, so cached too. */
    public byte[] pluginsPage(String account, String id, Paging.Request request, String base, String query) {
        Generation generation = cache.of(account);
        String key = ConfigurationCache.pluginsKey(base, id, query);
        byte[] json = generation.entry(key);
        if (json == null) {
            Paging.Page<ConfiguredPluginRow> page = db.read(h -> {
                String configuration = require(db, h, account, id).sid();
                return request.read(k -> db.configurations().plugins(h, configuration, k));
            });
            json = Json.bytes(new ListConfiguredPluginResponse()
                    .plugins(page.items().stream().map(r -> ConfigurationViews.configuredPlugin(r, base)).toList())
                    .meta(page.meta()));
            generation.putEntry(key, json);
        }
        return json;
    }

    /** The plugin {@code pluginId} (sid or unique name) of configuration {@code id}; else a 404. */
    public ConfiguredPluginRow plugin(String account, String id, String pluginId) {
        return db.read(h -> db.configurations().plugin(h, require(db, h, account, id).sid(), pluginId)
                .orElseThrow(TwilioException::notFound));
    }

    /**
     * The configuration {@code id} of {@code account} in transaction {@code h}; else a 404, also for an
     * identifier not shaped like an FJ sid ({@link Sids#lookUp}).
     */
    public static ConfigurationRow require(Database db, Handle h, String account, String id) {
        return Sids.lookUp("FJ", id, sid -> db.configurations().find(h, account, sid)).orElseThrow(TwilioException::notFound);
    }

    /** A configuration bundles at most one version of a plugin: else a 400 naming {@code parameter}. */
    public static void requireOnePerPlugin(String parameter, Set<String> pluginsSoFar, String pluginSid, String uniqueName) {
        if (!pluginsSoFar.add(pluginSid)) {
            throw TwilioException.invalidParameter(parameter, "plugin " + uniqueName + " (" + pluginSid + ") is given more than once");
        }
    }

    /** An entry's phase: 0 when none is given, never negative (else a 400 naming {@code parameter}). */
    public static int phase(String parameter, Integer given) {
        if (given != null && given < 0) {
            throw TwilioException.invalidParameter(parameter, "phase must be a non-negative integer, got " + given);
        }
        return given == null ? 0 : given;
    }
}

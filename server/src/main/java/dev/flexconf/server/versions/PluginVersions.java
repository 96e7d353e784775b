package dev.flexconf.server.versions;

import dev.flexconf.server.archiving.Archiving;
import dev.flexconf.server.configurations.ConfigurationCache;
import dev.flexconf.server.http.Dates;
import dev.flexconf.server.http.Paging;
import dev.flexconf.server.http.TwilioException;
import dev.flexconf.server.plugins.Plugins;
import dev.flexconf.server.store.Database;
import dev.flexconf.server.store.PluginStore.PluginRow;
import dev.flexconf.server.store.VersionStore.NewVersion;
import dev.flexconf.server.store.VersionStore.VersionRow;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * The versions of a plugin, and every rule of them: a version is addressed by its FV sid or its
 * version string, which is unique within its plugin; its plugin URL is an absolute http(s) URL; it is
 * validated when its bundle was reported validated successfully; an archived plugin gets no new
 * versions; a version can be archived once, and not while the active release holds it. Each use case
 * is one transaction. Thread-safe.
 */
public final class PluginVersions {
    private final Database db;
    private final ConfigurationCache cache;

    public PluginVersions(Database db, ConfigurationCache cache) {
        this.db = db;
        this.cache = cache;
    }

    public VersionRow create(String account, String pluginId, NewVersion input) {
        return db.write(h -> {
            PluginRow plugin = Plugins.require(db, h, account, pluginId);
            Archiving.requireUsable("Plugin", plugin.sid(), plugin.archived());
            requireUniqueVersion("Version", plugin.uniqueName(), input.version(),
                    db.versions().versionTaken(h, plugin.sid(), input.version()));
            return db.versions().insert(h, account, plugin.sid(), input, Dates.now());
        });
    }

    /** The version {@code id} (sid or version string) of plugin {@code pluginId} of {@code account}; else a 404. */
    public VersionRow find(String account, String pluginId, String id) {
        return db.read(h -> db.versions().find(h, Plugins.require(db, h, account, pluginId).sid(), id)
                .orElseThrow(TwilioException::notFound));
    }

    public Paging.Page<VersionRow> page(String account, String pluginId, Paging.Request request) {
        return db.read(h -> {
            String plugin = Plugins.require(db, h, account, pluginId).sid();
            return request.read(k -> db.versions().list(h, plugin, k));
        });
    }

    public VersionRow archive(String account, String pluginId, String id) {
        VersionRow row = db.write(h -> {
            VersionRow version = db.versions().find(h, Plugins.require(db, h, account, pluginId).sid(), id)
                    .orElseThrow(TwilioException::notFound);
            Archiving.requireNotYetArchived("Plugin version", version.archived());
            Archiving.requireNotActive(db, h, account, "Plugin version", version.sid());
            return db.versions().archive(h, version.sid());
        });
        cache.accountChanged(account); // configured plugins show whether their version is archived
        return row;
    }

    /** A version string is unique within its plugin: else a 400 naming {@code parameter}. */
    public static void requireUniqueVersion(String parameter, String plugin, String version, boolean taken) {
        if (taken) {
            throw TwilioException.invalidParameter(parameter, "version " + version + " of plugin " + plugin + " already exists");
        }
    }

    /** A plugin URL is an absolute http or https URL; else a 400 naming {@code parameter}. */
    public static void requireHttpUrl(String parameter, String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            if (uri.getHost() != null && ("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
                return;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw TwilioException.invalidParameter(parameter, "must be an absolute http or https URL");
    }

    /** A version is validated when its bundle was reported as validated successfully. */
    public static boolean isValidated(String validateStatus) {
        return SUCCESS.equals(validateStatus);
    }

    /** The validation status that {@link #isValidated} reads as {@code validated} (what a seed gives). */
    public static String validateStatus(boolean validated) {
        return validated ? SUCCESS : null;
    }

    private static final String SUCCESS = "success";
}

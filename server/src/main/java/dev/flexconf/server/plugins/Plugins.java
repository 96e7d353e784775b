package dev.flexconf.server.plugins;

import dev.flexconf.server.archiving.Archiving;
import dev.flexconf.server.configurations.ConfigurationCache;
import dev.flexconf.server.http.Dates;
import dev.flexconf.server.http.Paging;
import dev.flexconf.server.http.TwilioException;
import dev.flexconf.server.store.Database;
import dev.flexconf.server.store.PluginStore.PluginRow;
import org.jdbi.v3.core.Handle;

/**
 * The plugins of an account, and every rule of them: a plugin is addressed by its FP sid or its unique
 * name, which is unique within the account; its friendly name defaults to its unique name; it can be
 * archived once, and not while the active release holds it. Each use case is one transaction; a change
 * to a plugin is told to the cache of configured plugins, which show its names and archive flag.
 * Thread-safe.
 */
public final class Plugins {
    private final Database db;
    private final ConfigurationCache cache;

    public Plugins(Database db, ConfigurationCache cache) {
        this.db = db;
        this.cache = cache;
    }

    public PluginRow create(String account, String uniqueName, String friendlyName, String description) {
        return db.write(h -> {
            requireUniqueName("UniqueName", uniqueName, db.plugins().uniqueNameTaken(h, account, uniqueName));
            return db.plugins().insert(h, account, uniqueName, friendlyName(uniqueName, friendlyName), description, Dates.now());
        });
    }

    /** The plugin {@code id} (sid or unique name) of {@code account}; else a 404. */
    public PluginRow find(String account, String id) {
        return db.read(h -> require(db, h, account, id));
    }

    public Paging.Page<PluginRow> page(String account, Paging.Request request) {
        return db.read(h -> request.read(k -> db.plugins().list(h, account, k)));
    }

    /** Sets the names given (null leaves one as it is). */
    public PluginRow update(String account, String id, String friendlyName, String description) {
        PluginRow row = db.write(h -> db.plugins().update(h, require(db, h, account, id).sid(), friendlyName, description, Dates.now()));
        cache.accountChanged(account);
        return row;
    }

    public PluginRow archive(String account, String id) {
        PluginRow row = db.write(h -> {
            PluginRow plugin = require(db, h, account, id);
            Archiving.requireNotYetArchived("Plugin", plugin.archived());
            Archiving.requireNotActive(db, h, account, "Plugin", plugin.sid());
            return db.plugins().archive(h, plugin.sid(), Dates.now());
        });
        cache.accountChanged(account);
        return row;
    }

    /** The plugin {@code id} (sid or unique name) of {@code account} in transaction {@code h}; else a 404. */
    public static PluginRow require(Database db, Handle h, String account, String id) {
        return db.plugins().find(h, account, id).orElseThrow(TwilioException::notFound);
    }

    /** A unique name is unique within its account: else a 400 naming {@code parameter}. */
    public static void requireUniqueName(String parameter, String uniqueName, boolean taken) {
        if (taken) {
            throw TwilioException.invalidParameter(parameter, "a plugin named " + uniqueName + " already exists");
        }
    }

    /**
     * The friendly name of a plugin created with {@code given} (null when none was given): its unique
     * name when none was given. Inferred: Twilio answers a non-empty {@code friendly_name} for a plugin
     * created without one (RJPearson94/terraform-provider-twilio asserts it set,
     * twilio/internal/services/flex/tests/resource_flex_plugin_test.go); which value is not public.
     */
    public static String friendlyName(String uniqueName, String given) {
        return given == null ? uniqueName : given;
    }
}

package dev.flexconf.server.store;

import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * SQL that loads whole rows, every column given (sids, dates, flags), in batches: the seeding path.
 * Stateless; runs in the caller's transaction.
 */
public final class SeedStore {
    /** A plugin row to load. */
    public record Plugin(String sid, String account, String uniqueName, String friendlyName, String description,
            boolean archived, long created, long updated) {
    }

    /** A plugin version row to load. */
    public record Version(String sid, String account, String pluginSid, String version, String pluginUrl,
            String changelog, boolean isPrivate, String validateStatus, boolean archived, long created) {
    }

    /** A configuration row to load, with its entries. */
    public record Configuration(String sid, String account, String name, String description, boolean archived,
            long created, List<ConfigurationStore.Entry> entries) {
    }

    /** A release row to load. */
    public record Release(String sid, String account, String configurationSid, long created) {
    }

    private SeedStore() {
    }

    public static void plugins(Handle h, List<Plugin> rows) {
        PreparedBatch batch = h.prepareBatch("""
                INSERT INTO plugin (sid, account_sid, unique_name, friendly_name, description, archived, date_created, date_updated)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""");
        for (Plugin p : rows) {
            batch.add(p.sid(), p.account(), p.uniqueName(), p.friendlyName(), p.description(), p.archived(), p.created(), p.updated());
        }
        execute(batch, rows.size());
    }

    public static void versions(Handle h, List<Version> rows) {
        PreparedBatch batch = h.prepareBatch("""
                INSERT INTO plugin_version (sid, account_sid, plugin_sid, version, plugin_url, changelog, private,
                                            validate_status, archived, date_created)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
        for (Version v : rows) {
            batch.add(v.sid(), v.account(), v.pluginSid(), v.version(), v.pluginUrl(), v.changelog(), v.isPrivate(),
                    v.validateStatus(), v.archived(), v.created());
        }
        execute(batch, rows.size());
    }

    public static void configurations(Handle h, List<Configuration> rows) {
        PreparedBatch configurations = h.prepareBatch("""
                INSERT INTO configuration (sid, account_sid, name, description, archived, date_created)
                VALUES (?, ?, ?, ?, ?, ?)""");
        PreparedBatch entries = h.prepareBatch("""
                INSERT INTO configured_plugin (configuration_sid, plugin_sid, plugin_version_sid, phase) VALUES (?, ?, ?, ?)""");
        int entryCount = 0;
        for (Configuration c : rows) {
            configurations.add(c.sid(), c.account(), c.name(), c.description(), c.archived(), c.created());
            for (ConfigurationStore.Entry e : c.entries()) {
                entries.add(c.sid(), e.pluginSid(), e.pluginVersionSid(), e.phase());
                entryCount++;
            }
        }
        execute(configurations, rows.size());
        execute(entries, entryCount);
    }

    public static void releases(Handle h, List<Release> rows) {
        PreparedBatch batch = h.prepareBatch("""
                INSERT INTO plugin_release (sid, account_sid, configuration_sid, date_created) VALUES (?, ?, ?, ?)""");
        for (Release r : rows) {
            batch.add(r.sid(), r.account(), r.configurationSid(), r.created());
        }
        execute(batch, rows.size());
    }

    /** Whether a row of {@code table} already has sid {@code sid} (in any account). */
    public static boolean sidTaken(Handle h, String table, String sid) {
        return h.createQuery("SELECT 1 FROM " + table + " WHERE sid = ?").bind(0, sid).mapTo(Integer.class).findOne().isPresent();
    }

    private static void execute(PreparedBatch batch, int size) {
        if (size > 0) {
            batch.execute();
        }
    }
}

package dev.flexconf.server.store.sql;

import dev.flexconf.server.store.SeedStore;
import dev.flexconf.server.store.SeedStore.NewConfiguration;
import dev.flexconf.server.store.ConfigurationStore.ConfigurationRow;
import dev.flexconf.server.store.ConfigurationStore.Entry;
import dev.flexconf.server.store.PluginStore.PluginRow;
import dev.flexconf.server.store.ReleaseStore.ReleaseRow;
import dev.flexconf.server.store.VersionStore.VersionRow;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** The SQL (run alike by SQLite and PostgreSQL) that loads whole rows in batches. Stateless. */
public final class SqlSeedStore implements SeedStore {
    @Override
    public void plugins(Handle h, List<PluginRow> rows) {
        PreparedBatch batch = h.prepareBatch("""
                INSERT INTO plugin (sid, account_sid, unique_name, friendly_name, description, archived, date_created, date_updated)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""");
        for (PluginRow p : rows) {
            batch.add(p.sid(), p.accountSid(), p.uniqueName(), p.friendlyName(), p.description(), flag(p.archived()), p.dateCreated(),
                    p.dateUpdated());
        }
        execute(batch, rows.size());
    }

    @Override
    public void versions(Handle h, List<VersionRow> rows) {
        PreparedBatch batch = h.prepareBatch("""
                INSERT INTO plugin_version (sid, account_sid, plugin_sid, version, plugin_url, changelog, private,
                                            cli_version, validate_status, archived, date_created)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
        for (VersionRow v : rows) {
            batch.add(v.sid(), v.accountSid(), v.pluginSid(), v.version(), v.pluginUrl(), v.changelog(), flag(v.isPrivate()),
                    v.cliVersion(), v.validateStatus(), flag(v.archived()), v.dateCreated());
        }
        execute(batch, rows.size());
    }

    @Override
    public void configurations(Handle h, List<NewConfiguration> rows) {
        PreparedBatch configurations = h.prepareBatch("""
                INSERT INTO configuration (sid, account_sid, name, description, archived, date_created)
                VALUES (?, ?, ?, ?, ?, ?)""");
        PreparedBatch entries = h.prepareBatch("""
                INSERT INTO configured_plugin (configuration_sid, plugin_sid, plugin_version_sid, phase) VALUES (?, ?, ?, ?)""");
        int entryCount = 0;
        for (NewConfiguration n : rows) {
            ConfigurationRow c = n.row();
            configurations.add(c.sid(), c.accountSid(), c.name(), c.description(), flag(c.archived()), c.dateCreated());
            for (Entry e : n.entries()) {
                entries.add(c.sid(), e.pluginSid(), e.pluginVersionSid(), e.phase());
                entryCount++;
            }
        }
        execute(configurations, rows.size());
        execute(entries, entryCount);
    }

    @Override
    public void releases(Handle h, List<ReleaseRow> rows) {
        PreparedBatch batch = h.prepareBatch("""
                INSERT INTO plugin_release (sid, account_sid, configuration_sid, date_created) VALUES (?, ?, ?, ?)""");
        for (ReleaseRow r : rows) {
            batch.add(r.sid(), r.accountSid(), r.configurationSid(), r.dateCreated());
        }
        execute(batch, rows.size());
    }

    /** Whether a row of {@code table} already has sid {@code sid} (in any account). */
    @Override
    public boolean sidTaken(Handle h, String table, String sid) {
        return h.createQuery("SELECT 1 FROM " + table + " WHERE sid = ?").bind(0, sid).mapTo(Integer.class).findOne().isPresent();
    }

    /** A flag as both engines' schemas hold it: 0 or 1. */
    static int flag(boolean value) {
        return value ? 1 : 0;
    }

    private static void execute(PreparedBatch batch, int size) {
        if (size > 0) {
            batch.execute();
        }
    }
}

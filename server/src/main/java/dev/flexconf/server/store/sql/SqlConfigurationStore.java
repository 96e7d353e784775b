package dev.flexconf.server.store.sql;

import dev.flexconf.server.store.Keyset;
import dev.flexconf.server.store.Sids;
import dev.flexconf.server.store.ConfigurationStore;
import dev.flexconf.server.store.ConfigurationStore.ConfigurationRow;
import dev.flexconf.server.store.ConfigurationStore.ConfiguredPluginRow;
import dev.flexconf.server.store.ConfigurationStore.ConfigurationKey;
import dev.flexconf.server.store.ConfigurationStore.Entry;
import dev.flexconf.server.store.ConfigurationStore.Candidate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.statement.Update;

/** The SQL (run alike by SQLite and PostgreSQL) for configurations and their configured plugins. Stateless. */
public final class SqlConfigurationStore implements ConfigurationStore {
    private static final RowMapper<ConfigurationRow> ROW = (rs, ctx) -> new ConfigurationRow(rs.getLong("seq"),
            rs.getString("sid"), rs.getString("account_sid"), rs.getString("name"), rs.getString("description"),
            rs.getBoolean("archived"), rs.getLong("date_created"));
    private static final RowMapper<ConfigurationKey> KEY = (rs, ctx) -> new ConfigurationKey(rs.getLong(1), rs.getString(2));
    private static final RowMapper<ConfiguredPluginRow> CONFIGURED = (rs, ctx) -> new ConfiguredPluginRow(
            rs.getLong("seq"), rs.getString("account_sid"), rs.getString("configuration_sid"),
            rs.getString("plugin_sid"), rs.getString("plugin_version_sid"), rs.getInt("phase"),
            rs.getString("plugin_url"), rs.getString("unique_name"), rs.getString("friendly_name"),
            rs.getString("description"), rs.getBoolean("plugin_archived"), rs.getString("version"),
            rs.getString("changelog"), rs.getBoolean("plugin_version_archived"), rs.getBoolean("private"),
            rs.getLong("date_created"));
    private static final String SELECT_CONFIGURED = """
            SELECT cp.seq, c.account_sid, cp.configuration_sid, cp.plugin_sid, cp.plugin_version_sid, cp.phase,
                   v.plugin_url, p.unique_name, p.friendly_name, p.description, p.archived AS plugin_archived,
                   v.version, v.changelog, v.archived AS plugin_version_archived, v.private, c.date_created
            FROM configured_plugin cp
            JOIN configuration c ON c.sid = cp.configuration_sid
            JOIN plugin p ON p.sid = cp.plugin_sid
            JOIN plugin_version v ON v.sid = cp.plugin_version_sid
            WHERE cp.configuration_sid = :configuration""";

    @Override
    public Optional<ConfigurationRow> find(Handle h, String account, String sid) {
        return h.createQuery("SELECT * FROM configuration WHERE sid = ? AND account_sid = ?")
                .bind(0, sid).bind(1, account).map(ROW).findOne();
    }

    /**
     * A page of an account's configurations, newest first, as keys: read from the index
     * {@code configuration_keys_by_account} alone, without touching the table.
     */
    @Override
    public List<ConfigurationKey> keys(Handle h, String account, Keyset keyset) {
        return h.createQuery(keysSql(keyset))
                .bind("account", account).bind("cursor", keyset.cursor()).bind("limit", keyset.limit())
                .map(KEY).list();
    }

    /** The query of {@link #keys}; binds {@code :account}, {@code :cursor} and {@code :limit}. */
    public static String keysSql(Keyset keyset) {
        return "SELECT c.seq, c.sid FROM configuration c WHERE c.account_sid = :account" + keyset.clause("c", true);
    }

    /** The configuration at {@code seq}, a position that {@link #keys} gave in the same transaction. */
    @Override
    public ConfigurationRow at(Handle h, long seq) {
        return h.createQuery("SELECT * FROM configuration WHERE seq = ?").bind(0, seq).map(ROW).one();
    }

    @Override
    public List<ConfigurationRow> list(Handle h, String account, Keyset keyset) {
        return h.createQuery("SELECT c.* FROM configuration c WHERE c.account_sid = :account" + keyset.clause("c", true))
                .bind("account", account).bind("cursor", keyset.cursor()).bind("limit", keyset.limit())
                .map(ROW).list();
    }

    /**
     * The plugin versions of {@code account} among {@code versionSids}, with their plugins, in one query;
     * a sid that is not there is not in the map.
     */
    @Override
    public Map<String, Candidate> candidates(Handle h, String account, Collection<String> versionSids) {
        Map<String, Candidate> found = new LinkedHashMap<>();
        if (versionSids.isEmpty()) {
            return found;
        }
        String placeholders = String.join(", ", java.util.Collections.nCopies(versionSids.size(), "?"));
        var query = h.createQuery("""
                SELECT v.sid, v.archived AS version_archived, p.sid AS plugin_sid, p.unique_name, p.archived AS plugin_archived
                FROM plugin_version v JOIN plugin p ON p.sid = v.plugin_sid
                WHERE v.account_sid = ? AND v.sid IN (""" + placeholders + ")");
        query.bind(0, account);
        int i = 1;
        for (String sid : versionSids) {
            query.bind(i++, sid);
        }
        query.map((rs, ctx) -> new Candidate(rs.getString("sid"), rs.getBoolean("version_archived"),
                rs.getString("plugin_sid"), rs.getString("unique_name"), rs.getBoolean("plugin_archived")))
                .forEach(c -> found.put(c.versionSid(), c));
        return found;
    }

    /** Inserts a configuration and its entries, in the order given; returns it (its seq unknown, 0). */
    @Override
    public ConfigurationRow insert(Handle h, String account, String name, String description,
            List<Entry> entries, long now) {
        String sid = Sids.next("FJ");
        h.createUpdate("INSERT INTO configuration (sid, account_sid, name, description, date_created) VALUES (?, ?, ?, ?, ?)")
                .bind(0, sid).bind(1, account).bind(2, name).bind(3, description).bind(4, now)
                .execute();
        if (!entries.isEmpty()) {
            List<String> tuples = new ArrayList<>(entries.size());
            for (int i = 0; i < entries.size(); i++) {
                tuples.add("(?, ?, ?, ?)");
            }
            Update insert = h.createUpdate("INSERT INTO configured_plugin (configuration_sid, plugin_sid, plugin_version_sid, phase) VALUES "
                    + String.join(", ", tuples));
            int at = 0;
            for (Entry e : entries) {
                insert.bind(at++, sid).bind(at++, e.pluginSid()).bind(at++, e.pluginVersionSid()).bind(at++, e.phase());
            }
            insert.execute();
        }
        return new ConfigurationRow(0, sid, account, name, description, false, now);
    }

    @Override
    public ConfigurationRow archive(Handle h, String sid) {
        return h.createQuery("UPDATE configuration SET archived = 1 WHERE sid = ? RETURNING *")
                .bind(0, sid).map(ROW).one();
    }

    /** The configured plugins of a configuration, in the order they were given at create. */
    /** The candidates (plugin and version, with their archive flags) a configuration holds, in no order. */
    @Override
    public List<Candidate> held(Handle h, String configurationSid) {
        return h.createQuery("""
                SELECT v.sid, v.archived, p.sid, p.unique_name, p.archived
                FROM configured_plugin cp
                JOIN plugin_version v ON v.sid = cp.plugin_version_sid
                JOIN plugin p ON p.sid = cp.plugin_sid
                WHERE cp.configuration_sid = ?""")
                .bind(0, configurationSid)
                .map((rs, ctx) -> new Candidate(rs.getString(1), rs.getBoolean(2), rs.getString(3), rs.getString(4), rs.getBoolean(5)))
                .list();
    }

    @Override
    public List<ConfiguredPluginRow> plugins(Handle h, String configurationSid, Keyset keyset) {
        return h.createQuery(SELECT_CONFIGURED + keyset.clause("cp", false))
                .bind("configuration", configurationSid).bind("cursor", keyset.cursor()).bind("limit", keyset.limit())
                .map(CONFIGURED).list();
    }

    /** The configured plugin whose plugin sid or unique name is {@code sidOrName}. */
    @Override
    public Optional<ConfiguredPluginRow> plugin(Handle h, String configurationSid, String sidOrName) {
        return h.createQuery(SELECT_CONFIGURED + " AND (p.sid = :key OR p.unique_name = :key)")
                .bind("configuration", configurationSid).bind("key", sidOrName).map(CONFIGURED).findOne();
    }
}

package dev.flexconf.server.store;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.PreparedBatch;

/** SQL for configurations and their configured plugins. Stateless; runs on the caller's handle. */
public final class ConfigurationStore {
    /** A stored configuration; dates are epoch seconds. */
    public record ConfigurationRow(long seq, String sid, String accountSid, String name, String description,
            boolean archived, long dateCreated) implements Sequenced {
    }

    /** One plugin version of a configuration, joined with the current plugin and version rows. */
    public record ConfiguredPluginRow(long seq, String accountSid, String configurationSid, String pluginSid,
            String pluginVersionSid, int phase, String pluginUrl, String uniqueName, String friendlyName,
            String description, boolean pluginArchived, String version, String changelog,
            boolean pluginVersionArchived, boolean isPrivate, long dateCreated) implements Sequenced {
    }

    /** An entry of a new configuration. */
    public record Entry(String pluginSid, String pluginVersionSid, int phase) {
    }

    private static final RowMapper<ConfigurationRow> ROW = ConstructorMapper.of(ConfigurationRow.class);
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

    private ConfigurationStore() {
    }

    public static Optional<ConfigurationRow> find(Handle h, String account, String sid) {
        return h.createQuery("SELECT * FROM configuration WHERE sid = ? AND account_sid = ?")
                .bind(0, sid).bind(1, account).map(ROW).findOne();
    }

    public static List<ConfigurationRow> list(Handle h, String account, Keyset keyset) {
        return h.createQuery("SELECT c.* FROM configuration c WHERE c.account_sid = :account" + keyset.clause("c", true))
                .bind("account", account).bind("cursor", keyset.cursor()).bind("limit", keyset.limit())
                .map(ROW).list();
    }

    /** Inserts a configuration and its entries, in the order given. */
    public static ConfigurationRow insert(Handle h, String account, String name, String description,
            List<Entry> entries, long now) {
        ConfigurationRow row = h.createQuery("""
                INSERT INTO configuration (sid, account_sid, name, description, date_created)
                VALUES (:sid, :account, :name, :description, :now) RETURNING *""")
                .bind("sid", Sids.next("FJ")).bind("account", account).bind("name", name)
                .bind("description", description).bind("now", now)
                .map(ROW).one();
        if (!entries.isEmpty()) {
            PreparedBatch batch = h.prepareBatch("""
                    INSERT INTO configured_plugin (configuration_sid, plugin_sid, plugin_version_sid, phase)
                    VALUES (?, ?, ?, ?)""");
            for (Entry e : entries) {
                batch.add(row.sid(), e.pluginSid(), e.pluginVersionSid(), e.phase());
            }
            batch.execute();
        }
        return row;
    }

    public static ConfigurationRow archive(Handle h, String sid) {
        return h.createQuery("UPDATE configuration SET archived = 1 WHERE sid = ? RETURNING *")
                .bind(0, sid).map(ROW).one();
    }

    /** The configured plugins of a configuration, in the order they were given at create. */
    public static List<ConfiguredPluginRow> plugins(Handle h, String configurationSid, Keyset keyset) {
        return h.createQuery(SELECT_CONFIGURED + keyset.clause("cp", false))
                .bind("configuration", configurationSid).bind("cursor", keyset.cursor()).bind("limit", keyset.limit())
                .map(CONFIGURED).list();
    }

    /** The configured plugin whose plugin sid or unique name is {@code sidOrName}. */
    public static Optional<ConfiguredPluginRow> plugin(Handle h, String configurationSid, String sidOrName) {
        return h.createQuery(SELECT_CONFIGURED + " AND (p.sid = :key OR p.unique_name = :key)")
                .bind("configuration", configurationSid).bind("key", sidOrName).map(CONFIGURED).findOne();
    }
}

package dev.flexconf.server.store.sql;

import dev.flexconf.server.store.Keyset;
import dev.flexconf.server.store.Sids;
import dev.flexconf.server.store.VersionStore;
import dev.flexconf.server.store.VersionStore.VersionRow;
import dev.flexconf.server.store.VersionStore.NewVersion;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** The SQL (run alike by SQLite and PostgreSQL) for plugin versions. Stateless. */
public final class SqlVersionStore implements VersionStore {
    private static final RowMapper<VersionRow> ROW = (rs, ctx) -> new VersionRow(
            rs.getLong("seq"), rs.getString("sid"), rs.getString("account_sid"), rs.getString("plugin_sid"),
            rs.getString("version"), rs.getString("plugin_url"), rs.getString("changelog"),
            rs.getBoolean("private"), rs.getString("cli_version"), rs.getString("validate_status"),
            rs.getBoolean("archived"), rs.getLong("date_created"));

    /** The version of plugin {@code pluginSid} whose sid or version string is {@code sidOrVersion}. */
    @Override
    public Optional<VersionRow> find(Handle h, String pluginSid, String sidOrVersion) {
        return h.createQuery("""
                SELECT * FROM plugin_version WHERE plugin_sid = :plugin AND (sid = :key OR version = :key)
                ORDER BY sid = :key DESC LIMIT 1""")
                .bind("plugin", pluginSid).bind("key", sidOrVersion).map(ROW).findOne();
    }

    /** The version with sid {@code sid} in {@code account}, of whichever plugin. */
    @Override
    public Optional<VersionRow> findBySid(Handle h, String account, String sid) {
        return h.createQuery("SELECT * FROM plugin_version WHERE sid = ? AND account_sid = ?")
                .bind(0, sid).bind(1, account).map(ROW).findOne();
    }

    @Override
    public boolean versionTaken(Handle h, String pluginSid, String version) {
        return h.createQuery("SELECT 1 FROM plugin_version WHERE plugin_sid = ? AND version = ?")
                .bind(0, pluginSid).bind(1, version).mapTo(Integer.class).findOne().isPresent();
    }

    @Override
    public List<VersionRow> list(Handle h, String pluginSid, Keyset keyset) {
        return h.createQuery("SELECT v.* FROM plugin_version v WHERE v.plugin_sid = :plugin" + keyset.clause("v", true))
                .bind("plugin", pluginSid).bind("cursor", keyset.cursor()).bind("limit", keyset.limit())
                .map(ROW).list();
    }

    @Override
    public VersionRow insert(Handle h, String account, String pluginSid, NewVersion v, long now) {
        return h.createQuery("""
                INSERT INTO plugin_version (sid, account_sid, plugin_sid, version, plugin_url, changelog, private,
                                            cli_version, validate_status, date_created)
                VALUES (:sid, :account, :plugin, :version, :url, :changelog, :private, :cli, :validate, :now)
                RETURNING *""")
                .bind("sid", Sids.next("FV")).bind("account", account).bind("plugin", pluginSid)
                .bind("version", v.version()).bind("url", v.pluginUrl()).bind("changelog", v.changelog())
                .bind("private", SqlSeedStore.flag(v.isPrivate())).bind("cli", v.cliVersion()).bind("validate", v.validateStatus())
                .bind("now", now)
                .map(ROW).one();
    }

    @Override
    public VersionRow archive(Handle h, String sid) {
        return h.createQuery("UPDATE plugin_version SET archived = 1 WHERE sid = ? RETURNING *")
                .bind(0, sid).map(ROW).one();
    }
}

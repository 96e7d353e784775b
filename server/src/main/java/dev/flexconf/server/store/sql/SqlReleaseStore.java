package dev.flexconf.server.store.sql;

import dev.flexconf.server.store.Keyset;
import dev.flexconf.server.store.Sids;
import dev.flexconf.server.store.ReleaseStore;
import dev.flexconf.server.store.ReleaseStore.ReleaseRow;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** The SQL (run alike by SQLite and PostgreSQL) for releases. Stateless. */
public final class SqlReleaseStore implements ReleaseStore {
    private static final RowMapper<ReleaseRow> ROW = (rs, ctx) -> new ReleaseRow(rs.getLong("seq"), rs.getString("sid"),
            rs.getString("account_sid"), rs.getString("configuration_sid"), rs.getLong("date_created"));

    @Override
    public Optional<ReleaseRow> find(Handle h, String account, String sid) {
        return h.createQuery("SELECT * FROM plugin_release WHERE sid = ? AND account_sid = ?")
                .bind(0, sid).bind(1, account).map(ROW).findOne();
    }

    @Override
    public Optional<ReleaseRow> active(Handle h, String account) {
        return h.createQuery("SELECT * FROM plugin_release WHERE account_sid = ? ORDER BY seq DESC LIMIT 1")
                .bind(0, account).map(ROW).findOne();
    }

    @Override
    public List<ReleaseRow> list(Handle h, String account, Keyset keyset) {
        return h.createQuery("SELECT r.* FROM plugin_release r WHERE r.account_sid = :account" + keyset.clause("r", true))
                .bind("account", account).bind("cursor", keyset.cursor()).bind("limit", keyset.limit())
                .map(ROW).list();
    }

    @Override
    public ReleaseRow insert(Handle h, String account, String configurationSid, long now) {
        return h.createQuery("""
                INSERT INTO plugin_release (sid, account_sid, configuration_sid, date_created)
                VALUES (:sid, :account, :configuration, :now) RETURNING *""")
                .bind("sid", Sids.next("FK")).bind("account", account).bind("configuration", configurationSid)
                .bind("now", now)
                .map(ROW).one();
    }

    /** Whether the active release of {@code account} contains the plugin or plugin version {@code sid}. */
    @Override
    public boolean activeContains(Handle h, String account, String pluginOrVersionSid) {
        return h.createQuery("""
                SELECT 1 FROM configured_plugin cp
                WHERE cp.configuration_sid = (SELECT configuration_sid FROM plugin_release
                                              WHERE account_sid = :account ORDER BY seq DESC LIMIT 1)
                  AND (cp.plugin_sid = :sid OR cp.plugin_version_sid = :sid)
                LIMIT 1""")
                .bind("account", account).bind("sid", pluginOrVersionSid).mapTo(Integer.class).findOne().isPresent();
    }

    /** Whether the active release of {@code account} is of configuration {@code configurationSid}. */
    @Override
    public boolean isActive(Handle h, String account, String configurationSid) {
        return active(h, account).map(r -> r.configurationSid().equals(configurationSid)).orElse(false);
    }
}

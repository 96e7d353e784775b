package dev.flexconf.server.store.sql;

import dev.flexconf.server.store.Keyset;
import dev.flexconf.server.store.Sids;
import dev.flexconf.server.store.PluginStore;
import dev.flexconf.server.store.PluginStore.PluginRow;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** The SQL (run alike by SQLite and PostgreSQL) for plugins. Stateless. */
public final class SqlPluginStore implements PluginStore {
    private static final RowMapper<PluginRow> ROW = (rs, ctx) -> new PluginRow(rs.getLong("seq"), rs.getString("sid"),
            rs.getString("account_sid"), rs.getString("unique_name"), rs.getString("friendly_name"),
            rs.getString("description"), rs.getBoolean("archived"), rs.getLong("date_created"), rs.getLong("date_updated"));
    private static final String SELECT = "SELECT p.* FROM plugin p WHERE p.account_sid = :account";

    /** The plugin of {@code account} whose sid or unique name is {@code sidOrName}. */
    @Override
    public Optional<PluginRow> find(Handle h, String account, String sidOrName) {
        return h.createQuery(SELECT + " AND (p.sid = :key OR p.unique_name = :key) ORDER BY p.sid = :key DESC LIMIT 1")
                .bind("account", account).bind("key", sidOrName).map(ROW).findOne();
    }

    @Override
    public boolean uniqueNameTaken(Handle h, String account, String uniqueName) {
        return h.createQuery("SELECT 1 FROM plugin WHERE account_sid = ? AND unique_name = ?")
                .bind(0, account).bind(1, uniqueName).mapTo(Integer.class).findOne().isPresent();
    }

    @Override
    public List<PluginRow> list(Handle h, String account, Keyset keyset) {
        return h.createQuery(SELECT + keyset.clause("p", true))
                .bind("account", account).bind("cursor", keyset.cursor()).bind("limit", keyset.limit())
                .map(ROW).list();
    }

    @Override
    public PluginRow insert(Handle h, String account, String uniqueName, String friendlyName,
            String description, long now) {
        return h.createQuery("""
                INSERT INTO plugin (sid, account_sid, unique_name, friendly_name, description, date_created, date_updated)
                VALUES (:sid, :account, :uniqueName, :friendlyName, :description, :now, :now) RETURNING *""")
                .bind("sid", Sids.next("FP")).bind("account", account).bind("uniqueName", uniqueName)
                .bind("friendlyName", friendlyName).bind("description", description).bind("now", now)
                .map(ROW).one();
    }

    /** Sets the given fields (null leaves a field as it is) and moves date_updated to {@code now}. */
    @Override
    public PluginRow update(Handle h, String sid, String friendlyName, String description, long now) {
        return h.createQuery("""
                UPDATE plugin SET friendly_name = COALESCE(:friendlyName, friendly_name),
                                  description = COALESCE(:description, description),
                                  date_updated = :now
                WHERE sid = :sid RETURNING *""")
                .bind("sid", sid).bind("friendlyName", friendlyName).bind("description", description).bind("now", now)
                .map(ROW).one();
    }

    @Override
    public PluginRow archive(Handle h, String sid, long now) {
        return h.createQuery("UPDATE plugin SET archived = 1, date_updated = :now WHERE sid = :sid RETURNING *")
                .bind("sid", sid).bind("now", now).map(ROW).one();
    }
}

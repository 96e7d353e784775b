package dev.flexconf.server.store.sql;

import dev.flexconf.server.store.AccountStore;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** The SQL (run alike by SQLite and PostgreSQL) over whole accounts: their summaries, and deleting their resources. Stateless. */
public final class SqlAccountStore implements AccountStore {
    @Override
    public List<SummaryRow> summaries(Handle h) {
        return h.createQuery("""
                SELECT account_sid, SUM(plugins) AS plugins, SUM(configurations) AS configurations, SUM(releases) AS releases
                FROM (SELECT account_sid, COUNT(*) AS plugins, 0 AS configurations, 0 AS releases FROM plugin GROUP BY account_sid
                      UNION ALL SELECT account_sid, 0, COUNT(*), 0 FROM configuration GROUP BY account_sid
                      UNION ALL SELECT account_sid, 0, 0, COUNT(*) FROM plugin_release GROUP BY account_sid)
                GROUP BY account_sid ORDER BY account_sid""")
                .map((rs, ctx) -> new SummaryRow(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    /** Deletes every resource of {@code account}, or of every account when it is null. */
    @Override
    public void reset(Handle h, String account) {
        if (account == null) {
            for (String table : new String[] {"configured_plugin", "plugin_release", "configuration", "plugin_version", "plugin", "flex_configuration"}) {
                h.execute("DELETE FROM " + table);
            }
            return;
        }
        h.execute("DELETE FROM configured_plugin WHERE configuration_sid IN (SELECT sid FROM configuration WHERE account_sid = ?)", account);
        for (String table : new String[] {"plugin_release", "configuration", "plugin_version", "plugin", "flex_configuration"}) {
            h.execute("DELETE FROM " + table + " WHERE account_sid = ?", account);
        }
    }
}

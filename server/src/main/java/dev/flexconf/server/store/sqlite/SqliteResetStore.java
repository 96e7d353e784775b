package dev.flexconf.server.store.sqlite;

import dev.flexconf.server.store.ResetStore;
import org.jdbi.v3.core.Handle;

/** SQLite's SQL that deletes accounts' resources, children first. Stateless. */
final class SqliteResetStore implements ResetStore {
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

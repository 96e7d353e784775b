package dev.flexconf.server.store.sql;

import dev.flexconf.server.store.FlexConfigurationStore;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The SQL (run alike by SQLite and PostgreSQL) of the seeded Flex Configuration fields. Stateless. */
public final class SqlFlexConfigurationStore implements FlexConfigurationStore {
    /** The account's seeded fields as a JSON object, if any were seeded. */
    @Override
    public Optional<String> fields(Handle h, String account) {
        return h.createQuery("SELECT fields FROM flex_configuration WHERE account_sid = ?")
                .bind(0, account).mapTo(String.class).findOne();
    }

    /** Replaces the account's seeded fields. */
    @Override
    public void put(Handle h, String account, String fieldsJson) {
        h.execute("INSERT INTO flex_configuration (account_sid, fields) VALUES (?, ?) "
                + "ON CONFLICT (account_sid) DO UPDATE SET fields = excluded.fields", account, fieldsJson);
    }
}

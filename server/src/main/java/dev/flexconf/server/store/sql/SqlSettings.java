package dev.flexconf.server.store.sql;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.jdbi.v3.core.Handle;

/** The SQL of the {@code setting} table, both engines alike. Stateless. */
public final class SqlSettings {
    private SqlSettings() {
    }

    /** The random secret page tokens are signed with: made by the first caller, kept. Run inside a write. */
    public static byte[] pageTokenSecret(Handle h) {
        String existing = h.createQuery("SELECT value FROM setting WHERE name = 'page_token_secret'")
                .mapTo(String.class).findOne().orElse(null);
        if (existing == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            existing = HexFormat.of().formatHex(fresh);
            h.execute("INSERT INTO setting (name, value) VALUES ('page_token_secret', ?)", existing);
        }
        return HexFormat.of().parseHex(existing);
    }
}

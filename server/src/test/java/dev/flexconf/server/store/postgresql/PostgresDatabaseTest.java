package dev.flexconf.server.store.postgresql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flexconf.server.testkit.Postgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

/** Opening a PostgreSQL database: migrated once however many replicas start at once; foreign or newer ones refused untouched. */
class PostgresDatabaseTest {
    private static String query(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static void execute(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    void fourReplicasStartingAtOnceOnAnEmptyDatabaseMigrateItOnce() throws Exception {
        String url = Postgres.shared().newDatabase();
        CyclicBarrier together = new CyclicBarrier(4);
        List<CompletableFuture<PostgresDatabase>> starts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            starts.add(CompletableFuture.supplyAsync(() -> {
                try {
                    together.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return PostgresDatabase.open(url, null, null);
            }));
        }
        List<byte[]> secrets = new ArrayList<>();
        for (CompletableFuture<PostgresDatabase> start : starts) {
            try (PostgresDatabase db = start.get()) {
                secrets.add(db.secret());
            }
        }
        assertEquals(String.valueOf(PostgresDatabase.schemaVersion()), query(url, "SELECT version FROM flexconf_schema"));
        assertEquals("1", query(url, "SELECT count(*) FROM flexconf_schema"));
        for (byte[] secret : secrets) {
            assertEquals(java.util.HexFormat.of().formatHex(secrets.get(0)), java.util.HexFormat.of().formatHex(secret), "one secret for every replica");
        }
    }

    @Test
    void aDatabaseHoldingOtherTablesIsRefusedUntouched() throws Exception {
        String url = Postgres.shared().newDatabase();
        execute(url, "CREATE TABLE invoices (id INTEGER)");
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> PostgresDatabase.open(url, null, null));
        assertTrue(refused.getMessage().contains("not FlexConf's"), refused.getMessage());
        assertEquals(null, query(url, "SELECT to_regclass('flexconf_schema')"));
    }

    @Test
    void aDatabaseOfANewerSchemaIsRefusedUntouched() throws Exception {
        String url = Postgres.shared().newDatabase();
        PostgresDatabase.open(url, null, null).close();
        execute(url, "UPDATE flexconf_schema SET version = 99");
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> PostgresDatabase.open(url, null, null));
        assertTrue(refused.getMessage().contains("newer than this FlexConf"), refused.getMessage());
        assertEquals("99", query(url, "SELECT version FROM flexconf_schema"));
    }

    @Test
    void aDatabaseThatCannotBeReachedIsRefusedSayingSo() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> PostgresDatabase.open("jdbc:postgresql://127.0.0.1:1/none?user=x&password=secret", null, null));
        assertTrue(refused.getMessage().startsWith("PostgreSQL at jdbc:postgresql://127.0.0.1:1/none?user=x&password=*** cannot be reached"),
                refused.getMessage());
    }
}

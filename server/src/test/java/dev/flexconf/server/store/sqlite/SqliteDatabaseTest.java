package dev.flexconf.server.store.sqlite;

import dev.flexconf.server.store.ConfigurationStore;
import dev.flexconf.server.store.Database;
import dev.flexconf.server.store.Keyset;
import dev.flexconf.server.store.PluginStore;
import dev.flexconf.server.store.VersionStore;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteConnectionConfig;
import org.junit.jupiter.api.io.TempDir;

class SqliteDatabaseTest {
    private static final String ACCOUNT = "AC00000000000000000000000000000001";

    @TempDir
    Path dir;

    @Test
    void keepsCommittedRowsAndThePageTokenSecretAcrossReopen() {
        Path file = dir.resolve("flexconf.db");
        byte[] secret;
        try (Database db = SqliteDatabase.open(file)) {
            db.write(h -> db.plugins().insert(h, ACCOUNT, "kept", null, null, 1L));
            secret = db.secret();
        }
        try (Database db = SqliteDatabase.open(file)) {
            assertEquals(List.of("kept"), db.read(h -> db.plugins().list(h, ACCOUNT, new Keyset(null, false, 10)))
                    .stream().map(PluginStore.PluginRow::uniqueName).toList());
            assertArrayEquals(secret, db.secret());
        }
    }

    /**
     * The log's pages reach the database file from the checkpointer's own thread while the writer goes
     * on, long before the writer's automatic checkpoint (at 10,000 pages; these writes make ~300).
     */
    @Test
    void theLogIsCheckpointedIntoTheFileBesideTheWriter() throws Exception {
        Path file = dir.resolve("checkpointed.db");
        try (Database db = SqliteDatabase.open(file)) {
            long before = Files.size(file);
            for (int batch = 0; batch < 20; batch++) {
                int first = batch * 100;
                db.write(h -> {
                    for (int i = first; i < first + 100; i++) {
                        h.execute("INSERT INTO setting (name, value) VALUES (?, ?)", "row " + i, "x".repeat(500));
                    }
                    return null;
                });
            }
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (Files.size(file) <= before + 500_000 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(Files.size(file) > before + 500_000, "the database file grew from " + before + " to " + Files.size(file)
                    + " bytes: the log was not checkpointed");
        }
    }

    /**
     * Under steady writes the log starts again from its beginning once it holds {@link
     * Checkpointer#RESTART_PAGES}, finished by the writer between two transactions, long before the writer's
     * own checkpoint inside a commit (the backstop, at 10,000 pages): the log file never grows near it.
     */
    @Test
    void theLogStartsAgainLongBeforeTheWritersOwnCheckpoint() throws Exception {
        Path file = dir.resolve("restarted.db");
        Path log = dir.resolve("restarted.db-wal");
        long frame = 24 + 4096;
        long largest = 0;
        try (Database db = SqliteDatabase.open(file)) {
            for (int batch = 0; batch < 2_000; batch++) { // about 20,000 pages of log, at most 10 a millisecond
                int first = batch * 10;
                db.write(h -> {
                    for (int i = first; i < first + 10; i++) {
                        h.execute("INSERT INTO setting (name, value) VALUES (?, ?)", "row " + i, "x".repeat(3000));
                    }
                    return null;
                });
                largest = Math.max(largest, Files.size(log));
                Thread.sleep(1);
            }
        }
        assertTrue(largest < 8_000 * frame, "the log grew to " + largest / frame + " pages");
    }

    /**
     * A database written by FlexConf 0.1.0 (schema 1), kept in test resources: every later version must
     * open it, migrate it and find everything in it.
     */
    @Test
    void opensAndMigratesADatabaseWrittenBySchema1() throws Exception {
        Path file = dir.resolve("schema-1.db");
        try (java.io.InputStream in = getClass().getResourceAsStream("/db/flexconf-schema-1.db")) {
            Files.copy(in, file);
        }
        String account = "AC0123456789abcdef0123456789abcdef";
        try (Database db = SqliteDatabase.open(file)) {
            int migrated = db.read(h -> h.createQuery("PRAGMA user_version").mapTo(Integer.class).one());
            assertEquals(SqliteDatabase.schemaVersion(), migrated);
            int indexes = db.read(h -> h.createQuery(
                    "SELECT count(*) FROM sqlite_master WHERE name = 'configured_plugin_by_configuration'")
                    .mapTo(Integer.class).one());
            assertEquals(0, indexes, "schema 2 dropped the second index of configured plugins");
            assertEquals(List.of("FJ0123456789abcdef0123456789abcdef"), db.read(h -> db.configurations().keys(h, account, new Keyset(null, false, 10)))
                    .stream().map(ConfigurationStore.ConfigurationKey::sid).toList(), "schema 3 lists from its new index");
            PluginStore.PluginRow plugin = db.read(h -> db.plugins().find(h, account, "golden")).orElseThrow();
            assertEquals("FP0123456789abcdef0123456789abcdef", plugin.sid());
            assertEquals("kept since 0.1.0", plugin.description());
            VersionStore.VersionRow version = db.read(h -> db.versions().find(h, plugin.sid(), "1.0.0")).orElseThrow();
            assertEquals("https://example.com/golden.js", version.pluginUrl());
            assertTrue(version.isPrivate());
            List<ConfigurationStore.ConfiguredPluginRow> bundled = db.read(h ->
                    db.configurations().plugins(h, "FJ0123456789abcdef0123456789abcdef", new Keyset(null, false, 10)));
            assertEquals(1, bundled.size());
            assertEquals(3, bundled.get(0).phase());
            assertEquals("FJ0123456789abcdef0123456789abcdef",
                    db.read(h -> db.releases().active(h, account)).orElseThrow().configurationSid());
            assertEquals(32, db.secret().length);
        }
    }

    /** A page of configurations costs an index seek and the page's index entries, whatever the table holds. */
    @Test
    void aPageOfConfigurationsIsReadFromTheListIndexAlone() {
        try (Database db = SqliteDatabase.inMemory()) {
            for (Keyset keyset : List.of(new Keyset(null, false, 51), new Keyset(900_000L, false, 51), new Keyset(900_000L, true, 51))) {
                String plan = db.read(h -> String.join("\n", h.createQuery("EXPLAIN QUERY PLAN " + dev.flexconf.server.store.sql.SqlConfigurationStore.keysSql(keyset))
                        .bind("account", ACCOUNT).bind("cursor", keyset.cursor()).bind("limit", keyset.limit())
                        .map((rs, ctx) -> rs.getString("detail")).list()));
                assertTrue(plan.contains("COVERING INDEX configuration_keys_by_account"), plan);
            }
        }
    }

    /** The writer takes the write lock when it begins; readers never ask for it. */
    @Test
    void writesBeginImmediateAndReadsDeferred() {
        try (Database db = SqliteDatabase.open(dir.resolve("modes.db"))) {
            assertEquals(SQLiteConfig.TransactionMode.IMMEDIATE, db.write(h -> connectionConfig(h).getTransactionMode()));
            assertEquals(SQLiteConfig.TransactionMode.DEFERRED, db.read(h -> connectionConfig(h).getTransactionMode()));
        }
    }

    private static SQLiteConnectionConfig connectionConfig(org.jdbi.v3.core.Handle h) {
        try {
            return h.getConnection().unwrap(SQLiteConnection.class).getConnectionConfig();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** sqlite-jdbc would follow every INSERT with a query of its own for keys nobody reads (~20 µs a create). */
    @Test
    void insertsAreNotFollowedByAQueryForGeneratedKeys() {
        try (Database db = SqliteDatabase.open(dir.resolve("keys.db"))) {
            assertEquals(false, db.write(h -> connectionConfig(h).isGetGeneratedKeys()));
            assertEquals(false, db.read(h -> connectionConfig(h).isGetGeneratedKeys()));
        }
    }

    @Test
    void rollsBackAWriteThatThrows() {
        try (Database db = SqliteDatabase.inMemory()) {
            assertThrows(IllegalStateException.class, () -> db.write(h -> {
                db.plugins().insert(h, ACCOUNT, "half", null, null, 1L);
                throw new IllegalStateException("rejected after the insert");
            }));
            assertTrue(db.read(h -> db.plugins().list(h, ACCOUNT, new Keyset(null, false, 10))).isEmpty());
        }
    }

    /**
     * Concurrent writes share commits (group commit); each one that throws must still leave nothing,
     * and every one that returned must be there, whatever batch it landed in.
     */
    @Test
    void concurrentWritesThatThrowLeaveNothingAndTheOthersAreAllKept() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        try (Database db = SqliteDatabase.open(dir.resolve("group.db"))) {
            List<java.util.concurrent.Future<String>> outcomes = new java.util.ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String name = "p" + i;
                boolean rejected = i % 3 == 0;
                outcomes.add(pool.submit(() -> {
                    try {
                        return db.write(h -> {
                            db.plugins().insert(h, ACCOUNT, name, null, null, 1L);
                            if (rejected) {
                                throw new IllegalArgumentException("rejected after the insert");
                            }
                            return name;
                        });
                    } catch (IllegalArgumentException e) {
                        return null;
                    }
                }));
            }
            java.util.Set<String> answered = new java.util.TreeSet<>();
            for (var outcome : outcomes) {
                String name = outcome.get();
                if (name != null) {
                    answered.add(name);
                }
            }
            java.util.Set<String> stored = new java.util.TreeSet<>(db.read(h -> db.plugins().list(h, ACCOUNT,
                    new Keyset(null, false, 1000))).stream().map(PluginStore.PluginRow::uniqueName).toList());
            assertEquals(266, answered.size());
            assertEquals(answered, stored);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refusesADatabaseFromANewerFlexConfAndLeavesItUntouched() throws Exception {
        Path file = dir.resolve("newer.db");
        try (Database db = SqliteDatabase.open(file)) {
            db.write(h -> h.execute("PRAGMA user_version = 99"));
        }
        byte[] before = Files.readAllBytes(file);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SqliteDatabase.open(file));
        assertTrue(e.getMessage().contains("schema version 99"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void refusesAFileThatIsNotADatabaseAndLeavesItUntouched() throws Exception {
        Path file = dir.resolve("notes.txt");
        byte[] text = "these are not the rows you are looking for, but a long enough text file".repeat(20).getBytes();
        Files.write(file, text);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SqliteDatabase.open(file));
        assertTrue(e.getMessage().contains("is not a FlexConf database"), e.getMessage());
        assertArrayEquals(text, Files.readAllBytes(file));
    }

    @Test
    void inMemoryDatabasesArePrivate() {
        try (Database a = SqliteDatabase.inMemory(); Database b = SqliteDatabase.inMemory()) {
            a.write(h -> a.plugins().insert(h, ACCOUNT, "only-in-a", null, null, 1L));
            assertTrue(b.read(h -> b.plugins().list(h, ACCOUNT, new Keyset(null, false, 10))).isEmpty());
        }
    }
}

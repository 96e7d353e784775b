package dev.flexconf.server.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    private static final String ACCOUNT = "AC00000000000000000000000000000001";

    @TempDir
    Path dir;

    @Test
    void keepsCommittedRowsAndThePageTokenSecretAcrossReopen() {
        Path file = dir.resolve("flexconf.db");
        byte[] secret;
        try (Database db = Database.open(file)) {
            db.write(h -> PluginStore.insert(h, ACCOUNT, "kept", null, null, 1L));
            secret = db.secret();
        }
        try (Database db = Database.open(file)) {
            assertEquals(List.of("kept"), db.read(h -> PluginStore.list(h, ACCOUNT, new Keyset(null, false, 10)))
                    .stream().map(PluginStore.PluginRow::uniqueName).toList());
            assertArrayEquals(secret, db.secret());
        }
    }

    @Test
    void rollsBackAWriteThatThrows() {
        try (Database db = Database.inMemory()) {
            assertThrows(IllegalStateException.class, () -> db.write(h -> {
                PluginStore.insert(h, ACCOUNT, "half", null, null, 1L);
                throw new IllegalStateException("rejected after the insert");
            }));
            assertTrue(db.read(h -> PluginStore.list(h, ACCOUNT, new Keyset(null, false, 10))).isEmpty());
        }
    }

    @Test
    void refusesADatabaseFromANewerFlexConfAndLeavesItUntouched() throws Exception {
        Path file = dir.resolve("newer.db");
        try (Database db = Database.open(file)) {
            db.write(h -> h.execute("PRAGMA user_version = 99"));
        }
        byte[] before = Files.readAllBytes(file);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Database.open(file));
        assertTrue(e.getMessage().contains("schema version 99"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void refusesAFileThatIsNotADatabaseAndLeavesItUntouched() throws Exception {
        Path file = dir.resolve("notes.txt");
        byte[] text = "these are not the rows you are looking for, but a long enough text file".repeat(20).getBytes();
        Files.write(file, text);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Database.open(file));
        assertTrue(e.getMessage().contains("is not a FlexConf database"), e.getMessage());
        assertArrayEquals(text, Files.readAllBytes(file));
    }

    @Test
    void inMemoryDatabasesArePrivate() {
        try (Database a = Database.inMemory(); Database b = Database.inMemory()) {
            a.write(h -> PluginStore.insert(h, ACCOUNT, "only-in-a", null, null, 1L));
            assertTrue(b.read(h -> PluginStore.list(h, ACCOUNT, new Keyset(null, false, 10))).isEmpty());
        }
    }
}

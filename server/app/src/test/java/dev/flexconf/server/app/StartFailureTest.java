package dev.flexconf.server.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flexconf.server.FlexConfServer;
import dev.flexconf.server.ServerOptions;
import dev.flexconf.server.testkit.Http;
import dev.flexconf.server.testkit.ServerProcess;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every start failure is one line on stderr, an exit code of its own, and nothing left behind or changed. */
class StartFailureTest {
    @TempDir
    Path dir;

    private record Run(int exit, String stderr) {
    }

    /** The app's main in a process of its own, as a user runs it: its exit code and its stderr. */
    private static Run run(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ServerProcess.MAIN));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, stderr.strip().lines().count(), "one line: " + stderr);
        assertTrue(!stderr.contains("\tat "), "no stack trace: " + stderr);
        return new Run(process.exitValue(), stderr);
    }

    @Test
    void aDatabaseHeldByAnotherProcessIsRefusedNamingTheHolder() throws Exception {
        Path db = dir.resolve("shared.db");
        try (ServerProcess first = ServerProcess.main(dir.resolve("first.log"), "--db", db.toString(), "--no-front-door")) {
            Run second = run("--port", "0", "--db", db.toString(), "--no-front-door");
            assertEquals(Main.EXIT_DATABASE_IN_USE, second.exit(), second.stderr());
            assertTrue(second.stderr().contains("in use by another FlexConf (process "), second.stderr());
            assertEquals(200, new Http(first.url()).get("/__flexconf/health").status(), "the first serves on");
        }
    }

    @Test
    void aDamagedDatabaseIsRefusedUntouchedWithTheWayToRecover() throws Exception {
        Path db = dir.resolve("damaged.db");
        try (FlexConfServer server = FlexConfServer.start(ServerOptions.ephemeral().withDatabase(db))) {
            Http.Account account = new Http(server).as(Http.newAccount());
            for (int i = 0; i < 300; i++) {
                account.post("/v1/PluginService/Configurations", Http.form("Name", "configuration " + i, "Description", "x".repeat(200)));
            }
        }
        try (RandomAccessFile file = new RandomAccessFile(db.toFile(), "rw")) {
            for (long page = 4; page * 4096 < file.length() - 4096; page += 7) {
                file.seek(page * 4096 + 100);
                file.write(new byte[] {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef, 0x13, 0x37});
            }
        }
        byte[] damaged = Files.readAllBytes(db);
        Run run = run("--port", "0", "--db", db.toString(), "--no-front-door");
        assertEquals(Main.EXIT_DATABASE, run.exit(), run.stderr());
        assertTrue(run.stderr().contains("is damaged (SQLite's quick_check: ") && run.stderr().contains(".recover"), run.stderr());
        assertArrayEquals(damaged, Files.readAllBytes(db), "left untouched");
    }

    @Test
    void aPortInUseIsRefusedAndLeavesNoDatabaseBehind() throws Exception {
        Path db = dir.resolve("never.db");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Run run = run("--host", "127.0.0.1", "--port", String.valueOf(taken.getLocalPort()), "--db", db.toString(), "--no-front-door");
            assertEquals(Main.EXIT_LISTEN, run.exit(), run.stderr());
        }
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.toList(), "no database, WAL or lock file made by a failed start");
        }
    }

    @Test
    void twoFirstStartsOnAFreshFileOneServesAndTheOtherIsRefused() throws Exception {
        Path db = dir.resolve("fresh.db");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Object>> starts = pool.invokeAll(List.of(
                    () -> startOrFailure(db), () -> startOrFailure(db)));
            List<Object> outcomes = new java.util.ArrayList<>();
            for (var start : starts) {
                outcomes.add(start.get(60, TimeUnit.SECONDS));
            }
            int served = 0;
            for (Object outcome : outcomes) {
                if (outcome instanceof FlexConfServer server) {
                    served++;
                    server.close();
                } else {
                    assertTrue(String.valueOf(outcome).contains("in use by another FlexConf"), String.valueOf(outcome));
                }
            }
            assertEquals(1, served, outcomes.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Object startOrFailure(Path db) {
        try {
            return FlexConfServer.start(ServerOptions.ephemeral().withDatabase(db));
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
    }
}

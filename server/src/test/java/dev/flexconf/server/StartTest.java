package dev.flexconf.server;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartTest {
    @TempDir
    Path dir;

    /** A start that fails before it listens leaves the port as it found it, and the file untouched. */
    @Test
    void aFileThatIsNotADatabaseFailsTheStartAndReleasesThePort() throws Exception {
        Path file = dir.resolve("notes.txt");
        Files.write(file, "not a database at all, only a text file that is long enough".repeat(20).getBytes());
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, loopback)) {
            port = probe.getLocalPort();
        }
        ServerOptions options = ServerOptions.defaults().withPort(port).withDatabase(file);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> FlexConfServer.start(options));
        assertTrue(e.getMessage().contains("is not a FlexConf database"), e.getMessage());
        try (ServerSocket again = new ServerSocket(port, 1, loopback)) {
            assertTrue(again.isBound());
        }
    }
}

package dev.flexconf.server;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.HttpURLConnection;
import java.net.URI;
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

    /**
     * A client that pools its connections (the generated client, any SDK) leaves one idle after its last
     * request: closing waits for requests in flight, not for it (Jetty's own graceful stop took 2 s, at the
     * end of every JUnit class).
     */
    @Test
    void closingDoesNotWaitForAnIdleKeepAliveConnection() throws Exception {
        FlexConfServer server = FlexConfServer.start(ServerOptions.ephemeral().withCaDir(null));
        HttpURLConnection connection = (HttpURLConnection) URI.create(server.url() + "/__flexconf/health").toURL().openConnection();
        assertTrue(connection.getResponseCode() == 200);
        connection.getInputStream().readAllBytes(); // read to its end: the JDK keeps the connection for the next request
        long started = System.nanoTime();
        server.close();
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis < 1_000, "close took " + millis + " ms");
    }
}

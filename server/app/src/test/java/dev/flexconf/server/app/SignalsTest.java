package dev.flexconf.server.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flexconf.server.testkit.Http;
import dev.flexconf.server.testkit.ServerProcess;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM drains and exits 0; a second SIGTERM during the drain ends the process at once. */
class SignalsTest {
    @TempDir
    Path dir;

    @Test
    void aSigtermStopsGracefullyWithExitCodeZero() throws Exception {
        ServerProcess server = ServerProcess.main(dir.resolve("server.log"), "--db", dir.resolve("a.db").toString(), "--no-front-door");
        server.signal();
        assertEquals(0, server.exitCode(Duration.ofSeconds(20)), server.output());
        assertTrue(server.output().contains("SIGTERM: stopping"), server.output());
    }

    /**
     * A client that does not read its large answer keeps that request in flight, so the drain waits for
     * it; the second signal does not.
     */
    @Test
    void aSecondSigtermStopsAtOnce() throws Exception {
        ServerProcess server = ServerProcess.main(dir.resolve("server.log"), "--db", dir.resolve("b.db").toString(), "--no-front-door");
        String account = Http.newAccount();
        StringBuilder seed = new StringBuilder("{\"account_sid\": \"" + account + "\", \"configurations\": [");
        for (int i = 0; i < 50_000; i++) {
            seed.append(i == 0 ? "" : ",").append("{\"name\": \"configuration ").append(i).append("\"}");
        }
        assertEquals(201, new Http(server.url()).postJson("/__flexconf/seed", seed.append("]}").toString()).status());
        URI base = URI.create(server.url());
        try (Socket unread = new Socket()) {
            unread.setReceiveBufferSize(4096);
            unread.connect(new InetSocketAddress(base.getHost(), base.getPort()));
            unread.getOutputStream().write(("GET /__flexconf/export?AccountSid=" + account + " HTTP/1.1\r\nHost: "
                    + base.getRawAuthority() + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            Thread.sleep(1000);
            server.signal();
            assertNull(server.exitCode(Duration.ofSeconds(2)), "the drain waits for the request in flight");
            long again = System.nanoTime();
            server.signal();
            assertEquals(143, server.exitCode(Duration.ofSeconds(20)), server.output());
            long tookMs = (System.nanoTime() - again) / 1_000_000;
            assertTrue(tookMs < 3000, "stopped " + tookMs + " ms after the second signal");
            assertTrue(server.output().contains("SIGTERM again: stopping at once"), server.output());
        }
    }
}

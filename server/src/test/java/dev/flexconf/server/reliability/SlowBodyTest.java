package dev.flexconf.server.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flexconf.server.testkit.Http;
import dev.flexconf.server.testkit.RunningServer;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Clients that send headers and then stall their bodies lock nobody out: with 500 of them connected
 * (API forms, seed documents announcing 5 MB, chunked seed documents), the API and the admin API still
 * answer within a second.
 */
class SlowBodyTest {
    private static final String V1 = "/v1/PluginService";
    private static final int STALLED = 500;

    @RegisterExtension
    final RunningServer running = new RunningServer();

    @Test
    void fiveHundredStalledBodiesLockNobodyOut() throws Exception {
        URI base = URI.create(running.url());
        String account = Http.newAccount();
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < STALLED; i++) {
                Socket socket = new Socket(base.getHost(), base.getPort());
                OutputStream out = socket.getOutputStream();
                // no credentials, as an attacker
                String head = switch (i % 3) {
                    case 0 -> "POST " + V1 + "/Configurations HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded"
                            + "\r\nContent-Length: 1000\r\n\r\nNa";
                    case 1 -> "POST /__flexconf/seed HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 5000000\r\n\r\n{\"a";
                    default -> "POST /__flexconf/seed HTTP/1.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked"
                            + "\r\n\r\n1000\r\n{\"a";
                };
                out.write((head.replaceFirst("\r\n", "\r\nHost: " + base.getRawAuthority() + "\r\n")).getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                stalled.add(socket);
            }
            Thread.sleep(500); // let every stalled request reach the server
            Http.Account client = running.http().as(account);
            for (int i = 0; i < 5; i++) {
                long started = System.nanoTime();
                assertEquals(201, client.post(V1 + "/Plugins", Http.form("UniqueName", "p" + i)).status());
                assertEquals(200, client.get(V1 + "/Plugins").status());
                assertEquals(200, running.http().get("/__flexconf/health").status());
                long ms = (System.nanoTime() - started) / 1_000_000;
                assertTrue(ms < 1000, "served in " + ms + " ms with " + STALLED + " stalled bodies");
            }
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }
}

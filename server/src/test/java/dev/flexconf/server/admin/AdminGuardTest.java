package dev.flexconf.server.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flexconf.server.ServerOptions;
import dev.flexconf.server.testkit.Http;
import dev.flexconf.server.testkit.RawHttp;
import dev.flexconf.server.testkit.RunningServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A web page cannot drive the admin API; a token, when set, is required; --no-admin removes it. */
class AdminGuardTest {
    private static final String V1 = "/v1/PluginService";

    @RegisterExtension
    final RunningServer open = new RunningServer();

    @RegisterExtension
    final RunningServer guarded = new RunningServer(dir -> ServerOptions.ephemeral().withAdmin(AdminAccess.token("s3cret")));

    @RegisterExtension
    final RunningServer without = new RunningServer(dir -> ServerOptions.ephemeral().withAdmin(AdminAccess.OFF));

    /** An account with one plugin, to see whether a reset happened. */
    private static String accountWithAPlugin(RunningServer server) {
        String account = Http.newAccount();
        assertEquals(201, server.http().as(account).post(V1 + "/Plugins", Http.form("UniqueName", "kept")).status());
        return account;
    }

    private static int plugins(RunningServer server, String account) {
        return server.http().as(account).get(V1 + "/Plugins").json().get("plugins").size();
    }

    private static RawHttp.Reply raw(RunningServer server, String host, String head, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return RawHttp.send(server.url(), host, head + "\r\nContent-Length: " + bytes.length, bytes);
    }

    @Test
    void aCrossSiteFormPostCannotResetTheEmulator() throws Exception {
        String account = accountWithAPlugin(open);
        RawHttp.Reply reply = raw(open, null, "POST /__flexconf/reset HTTP/1.1\r\nOrigin: https://evil.example\r\n"
                + "Content-Type: application/x-www-form-urlencoded", "AccountSid=" + account);
        assertEquals(403, reply.status(), reply.body());
        assertEquals(20403, reply.json().get("code").asInt());
        assertEquals(1, plugins(open, account), "nothing was reset");
    }

    @Test
    void aCrossSiteTextPlainSeedIsRefused() throws Exception {
        String account = Http.newAccount();
        RawHttp.Reply reply = raw(open, null, "POST /__flexconf/seed HTTP/1.1\r\nOrigin: null\r\nContent-Type: text/plain",
                "{\"account_sid\": \"" + account + "\", \"plugins\": [{\"unique_name\": \"planted\"}]}");
        assertEquals(403, reply.status(), reply.body());
        assertEquals(0, plugins(open, account));
    }

    @Test
    void aCrossSiteReadOfTheJournalIsRefused() throws Exception {
        RawHttp.Reply reply = raw(open, null, "GET /__flexconf/requests HTTP/1.1\r\nOrigin: https://evil.example", "");
        assertEquals(403, reply.status(), reply.body());
    }

    @Test
    void aPageOfTheSameOriginIsServed() throws Exception {
        String hostAndPort = URI.create(open.url()).getRawAuthority();
        RawHttp.Reply reply = raw(open, null, "GET /__flexconf/faults HTTP/1.1\r\nOrigin: http://" + hostAndPort, "");
        assertEquals(200, reply.status(), reply.body());
    }

    @Test
    void aForeignHostOnALoopbackConnectionIsRefused() throws Exception {
        String account = accountWithAPlugin(open);
        int port = URI.create(open.url()).getPort();
        RawHttp.Reply rebound = raw(open, "rebound.evil.example:" + port, "POST /__flexconf/reset HTTP/1.1\r\n"
                + "Content-Type: application/x-www-form-urlencoded", "AccountSid=" + account);
        assertEquals(403, rebound.status(), rebound.body());
        assertEquals(1, plugins(open, account));
        assertEquals(200, raw(open, "localhost:" + port, "GET /__flexconf/health HTTP/1.1", "").status());
    }

    @Test
    void withATokenEveryAdminCallButHealthNeedsIt() {
        Http http = guarded.http();
        assertEquals(401, http.get("/__flexconf/faults").status());
        assertEquals(401, http.send(HttpRequest.newBuilder(URI.create(guarded.url() + "/__flexconf/faults"))
                .header("Authorization", "Bearer wrong")).status());
        assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(guarded.url() + "/__flexconf/faults"))
                .header("Authorization", "Bearer s3cret")).status());
        assertEquals(200, http.get("/__flexconf/health").status());
    }

    @Test
    void withoutTheAdminApiItsPathsAreUnknownAndTheApiServes() {
        assertEquals(404, without.http().get("/__flexconf/health").status());
        assertEquals(201, without.http().as(Http.newAccount()).post(V1 + "/Plugins", Http.form("UniqueName", "p")).status());
    }
}

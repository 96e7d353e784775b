package dev.flexconf.server;

import dev.flexconf.server.testkit.Http;

import static dev.flexconf.server.testkit.Http.basic;
import static dev.flexconf.server.testkit.Http.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flexconf.server.http.Credentials;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Declared credentials: strict mode, API keys acting for their account, and open mode's rules. */
class StrictAuthTest {
    private static final String ACCOUNT = "AC11111111111111111111111111111111";
    private static final String KEY = "SK22222222222222222222222222222222";
    private static final String V1 = "/v1/PluginService";

    @TempDir
    Path dir;

    private Credentials credentials() throws Exception {
        Path file = dir.resolve("credentials.json");
        Files.writeString(file, """
                {"accounts": [{"account_sid": "%s", "auth_token": "secret-token"}],
                 "api_keys": [{"sid": "%s", "secret": "key-secret", "account_sid": "%s"}]}
                """.formatted(ACCOUNT, KEY, ACCOUNT));
        return Credentials.read(file);
    }

    @Test
    void strictModeAcceptsOnlyDeclaredCredentials() throws Exception {
        try (FlexConfServer server = FlexConfServer.start(ServerOptions.ephemeral().withCredentials(credentials(), true))) {
            Http http = new Http(server);
            assertEquals(200, http.get(V1 + "/Plugins", basic(ACCOUNT, "secret-token")).status());
            assertEquals(401, http.get(V1 + "/Plugins", basic(ACCOUNT, "wrong")).status());
            assertEquals(401, http.get(V1 + "/Plugins", basic("AC" + "3".repeat(32), "anything")).status());
            assertEquals(401, http.get(V1 + "/Plugins", basic(KEY, "wrong")).status());
            assertEquals(20003, http.get(V1 + "/Plugins", basic(KEY, "wrong")).json().get("code").asInt());
        }
    }

    @Test
    void anApiKeyActsForTheAccountThatOwnsIt() throws Exception {
        try (FlexConfServer server = FlexConfServer.start(ServerOptions.ephemeral().withCredentials(credentials(), true))) {
            Http http = new Http(server);
            String sid = http.postForm(V1 + "/Plugins", basic(KEY, "key-secret"), form("UniqueName", "by-key")).json().get("sid").asText();
            assertEquals(ACCOUNT, http.get(V1 + "/Plugins/" + sid, basic(ACCOUNT, "secret-token")).json().get("account_sid").asText());
        }
    }

    @Test
    void openModeChecksDeclaredAccountsAndAcceptsOthers() throws Exception {
        try (FlexConfServer server = FlexConfServer.start(ServerOptions.ephemeral().withCredentials(credentials(), false))) {
            Http http = new Http(server);
            assertEquals(401, http.get(V1 + "/Plugins", basic(ACCOUNT, "wrong")).status());
            assertEquals(200, http.get(V1 + "/Plugins", basic("AC" + "3".repeat(32), "anything")).status());
            assertEquals(200, http.get(V1 + "/Plugins", basic(KEY, "key-secret")).status());
        }
    }

    @Test
    void aMalformedCredentialsFileIsRefusedSayingWhy() throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"accounts\": [{\"account_sid\": \"not-a-sid\", \"auth_token\": \"x\"}]}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Credentials.read(file));
        assertEquals(true, e.getMessage().contains("account_sid"), e.getMessage());
    }
}

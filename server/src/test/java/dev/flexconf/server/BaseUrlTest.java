package dev.flexconf.server;

import dev.flexconf.server.testkit.Http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Absolute URLs come from the request's own scheme and Host unless a public base URL is configured. */
class BaseUrlTest {
    private static final String AUTH = Http.basic("AC" + "e".repeat(32), "token");

    @Test
    void urlsFollowTheRequestsHostByDefault() {
        try (FlexConfServer server = FlexConfServer.start(ServerOptions.ephemeral())) {
            JsonNode created = new Http(server).postForm("/v1/PluginService/Configurations", AUTH, Http.form("Name", "here")).json();
            assertEquals(server.url() + "/v1/PluginService/Configurations/" + created.get("sid").asText(), created.get("url").asText());
        }
    }

    @Test
    void aConfiguredBaseUrlIsUsedForEveryAbsoluteUrl() {
        try (FlexConfServer server = FlexConfServer.start(ServerOptions.ephemeral().withBaseUrl("https://flexconf.example.test/"))) {
            Http http = new Http(server);
            JsonNode created = http.postForm("/v1/PluginService/Configurations", AUTH, Http.form("Name", "proxied")).json();
            assertEquals("https://flexconf.example.test/v1/PluginService/Configurations/" + created.get("sid").asText(),
                    created.get("url").asText());
            http.postForm("/v1/PluginService/Configurations", AUTH, Http.form("Name", "second"));
            JsonNode meta = http.get("/v1/PluginService/Configurations?PageSize=1", AUTH).json().get("meta");
            assertTrue(meta.get("next_page_url").asText().startsWith("https://flexconf.example.test/v1/PluginService/Configurations?"));
            assertEquals("https://flexconf.example.test/v1/PluginService/Configurations?PageSize=1&Page=0", meta.get("first_page_url").asText());
        }
    }
}

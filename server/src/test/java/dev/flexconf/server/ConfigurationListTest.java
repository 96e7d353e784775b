package dev.flexconf.server;

import static dev.flexconf.server.Http.form;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page of configurations is read as keys and filled from the cache of ready JSON; configurations the
 * cache does not hold (here: all of them, after a restart) are read whole from the database.
 */
class ConfigurationListTest {
    private static final String CONFIGURATIONS = "/v1/PluginService/Configurations?PageSize=2";

    @TempDir
    Path dir;

    @Test
    void aPageReadFromTheDatabaseAfterARestartIsThePageServedFromTheCache() {
        ServerOptions options = ServerOptions.ephemeral().withDatabase(dir.resolve("list.db")).withBaseUrl("https://flexconf.test");
        String account = Http.newAccount();
        JsonNode cached;
        JsonNode next;
        try (FlexConfServer server = FlexConfServer.start(options)) {
            Http.Account client = new Http(server).as(account);
            for (String name : new String[] {"first", "second", "third"}) {
                assertEquals(201, client.post("/v1/PluginService/Configurations", form("Name", name, "Description", name + " one")).status());
            }
            cached = client.get(CONFIGURATIONS).json();
            next = client.get(relative(cached.get("meta").get("next_page_url").asText())).json();
        }
        try (FlexConfServer server = FlexConfServer.start(options)) {
            Http.Account client = new Http(server).as(account);
            JsonNode read = client.get(CONFIGURATIONS).json();
            assertEquals(cached, read);
            assertEquals("third", read.get("configurations").get(0).get("name").asText());
            assertEquals(next, client.get(relative(read.get("meta").get("next_page_url").asText())).json());
            assertEquals(read, client.get(CONFIGURATIONS).json(), "the same page again, now from the cache");
        }
    }

    private static String relative(String absolute) {
        return absolute.substring("https://flexconf.test".length());
    }
}

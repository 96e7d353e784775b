package dev.flexconf.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flexconf.server.journal.RequestJournal;
import dev.flexconf.server.testkit.Http;
import dev.flexconf.server.testkit.RunningServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Whatever clients send, the journal stays small: anonymous bodies are not kept, bodies are bounded in all, and it pages. */
class JournalBoundsTest {
    private static final String V1 = "/v1/PluginService";

    @RegisterExtension
    final RunningServer running = new RunningServer();

    @Test
    void aRequestWithoutCredentialsIsJournaledWithoutItsBody() {
        Http http = running.http();
        byte[] body = ("Name=" + "x".repeat(60_000)).getBytes(StandardCharsets.UTF_8);
        assertEquals(401, http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(running.url() + V1 + "/Configurations"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body))).status());
        JsonNode entry = http.get("/__flexconf/requests").json().get("requests").get(0);
        assertEquals(401, entry.get("status").asInt());
        assertEquals("", entry.get("body").asText());
    }

    @Test
    void theBodiesKeptStayWithinTheirBoundWhateverIsSent() {
        Http.Account client = running.http().as(Http.newAccount());
        String description = "d".repeat(60_000);
        for (int i = 0; i < 200; i++) { // 12 MB of bodies
            client.post(V1 + "/Configurations", Http.form("Name", "c" + i, "Description", description));
        }
        JsonNode page = running.http().get("/__flexconf/requests").json();
        long kept = 0;
        for (JsonNode entry : page.get("requests")) {
            kept += entry.get("body").asText().length();
        }
        assertTrue(kept <= RequestJournal.MAX_TOTAL_BODY_BYTES, kept + " bytes of bodies kept");
        assertTrue(kept > RequestJournal.MAX_TOTAL_BODY_BYTES / 2, "the newest are kept: " + kept);
        assertTrue(page.get("requests").get(0).get("body").asText().contains("Name=c199"), "the newest first");
    }

    @Test
    void theJournalIsReadPageByPage() {
        Http.Account client = running.http().as(Http.newAccount());
        for (int i = 0; i < 5; i++) {
            client.post(V1 + "/Plugins", Http.form("UniqueName", "p" + i));
        }
        List<String> names = new ArrayList<>();
        String next = "/__flexconf/requests?PageSize=2";
        int pages = 0;
        while (next != null) {
            JsonNode page = running.http().get(next).json();
            pages++;
            assertTrue(page.get("requests").size() <= 2);
            page.get("requests").forEach(e -> names.add(e.get("body").asText()));
            next = page.get("next_before").isNull() ? null : "/__flexconf/requests?PageSize=2&Before=" + page.get("next_before").asLong();
        }
        assertEquals(3, pages);
        assertEquals(List.of("UniqueName=p4", "UniqueName=p3", "UniqueName=p2", "UniqueName=p1", "UniqueName=p0"), names);
        assertEquals(400, running.http().get("/__flexconf/requests?PageSize=0").status());
    }
}

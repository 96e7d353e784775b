package dev.flexconf.server;

import dev.flexconf.server.testkit.Http;

import static dev.flexconf.server.testkit.Http.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page of configurations is read as keys and filled from the cache of ready JSON, and the page itself
 * is kept until its account's list changes: every change shows in the very next page.
 */
class ConfigurationListTest {
    private static final String CONFIGURATIONS = "/v1/PluginService/Configurations";
    private static final String PAGE = CONFIGURATIONS + "?PageSize=2";
    private static final String BASE_URL = "https://flexconf.test";

    @TempDir
    Path dir;
    FlexConfServer server;
    String account;
    Http.Account client;

    @BeforeEach
    void start() {
        server = FlexConfServer.start(options());
        account = Http.newAccount();
        client = new Http(server).as(account);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ServerOptions options() {
        return ServerOptions.ephemeral().withDatabase(dir.resolve("list.db")).withBaseUrl(BASE_URL);
    }

    private String create(String name) {
        Http.Reply reply = client.post(CONFIGURATIONS, form("Name", name, "Description", name + " one"));
        assertEquals(201, reply.status(), reply.raw().body());
        return reply.json().get("sid").asText();
    }

    private List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.get("configurations").forEach(c -> names.add(c.get("name").asText()));
        return names;
    }

    @Test
    void aPageReadFromTheDatabaseAfterARestartIsThePageServedFromTheCache() {
        for (String name : new String[] {"first", "second", "third"}) {
            create(name);
        }
        JsonNode cached = client.get(PAGE).json();
        JsonNode next = client.get(relative(cached.get("meta").get("next_page_url").asText())).json();
        server.close();
        server = FlexConfServer.start(options());
        client = new Http(server).as(account);
        JsonNode read = client.get(PAGE).json();
        assertEquals(cached, read);
        assertEquals(List.of("third", "second"), names(read));
        assertEquals(next, client.get(relative(read.get("meta").get("next_page_url").asText())).json());
        assertEquals(read, client.get(PAGE).json(), "the same page again, now from the cache");
    }

    @Test
    void aCreateShowsInTheNextPage() {
        create("first");
        assertEquals(List.of("first"), names(client.get(PAGE).json()));
        create("second");
        assertEquals(List.of("second", "first"), names(client.get(PAGE).json()));
    }

    @Test
    void anArchiveShowsInTheNextPage() {
        String sid = create("first");
        assertEquals(false, client.get(PAGE).json().get("configurations").get(0).get("archived").asBoolean());
        assertEquals(200, client.post(CONFIGURATIONS + "/" + sid + "/Archive", "").status());
        assertEquals(true, client.get(PAGE).json().get("configurations").get(0).get("archived").asBoolean());
    }

    @Test
    void aSeedShowsInTheNextPage() {
        create("first");
        assertEquals(List.of("first"), names(client.get(PAGE).json()));
        Http.Reply seeded = new Http(server).postJson("/__flexconf/seed",
                "{\"account_sid\": \"" + account + "\", \"configurations\": [{\"name\": \"seeded\"}]}");
        assertEquals(201, seeded.status(), seeded.raw().body());
        assertEquals(List.of("seeded", "first"), names(client.get(PAGE).json()));
    }

    @Test
    void aResetShowsInTheNextPage() {
        create("first");
        assertEquals(List.of("first"), names(client.get(PAGE).json()));
        server.reset(account);
        assertEquals(List.of(), names(client.get(PAGE).json()));
    }

    /** Creates and lists from several threads: a list that begins after a create's 201 holds it. */
    @Test
    void aListAfterACreateHoldsItWhileOthersCreateAndList() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        String sid = create("t" + thread + "-" + i);
                        JsonNode page = client.get(CONFIGURATIONS + "?PageSize=50").json();
                        List<String> sids = new ArrayList<>();
                        page.get("configurations").forEach(c -> sids.add(c.get("sid").asText()));
                        assertTrue(sids.contains(sid), "configuration " + sid + " missing from the page listed after its create");
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static String relative(String absolute) {
        return absolute.substring(BASE_URL.length());
    }
}

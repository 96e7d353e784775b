package dev.flexconf.server;

import dev.flexconf.server.testkit.Http;
import dev.flexconf.server.testkit.RunningServer;

import static dev.flexconf.server.testkit.Http.basic;
import static dev.flexconf.server.testkit.Http.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The admin API under /__flexconf/: health, reset, seed and the request journal, over real HTTP. */
class AdminApiTest {
    private static final String V1 = "/v1/PluginService";

    @RegisterExtension
    final RunningServer running = new RunningServer(folder -> ServerOptions.ephemeral().withDatabase(folder.resolve("admin.db")).withJournalCapacity(5));
    Http http;
    String account;
    String auth;

    @BeforeEach
    void start() {
        http = running.http();
        account = Http.newAccount();
        auth = basic(account, "token");
    }


    private String seedDocument(String accountSid) {
        return """
                {"account_sid": "%s",
                 "plugins": [
                   {"unique_name": "header", "friendly_name": "Header", "versions": [
                     {"version": "1.0.0", "plugin_url": "https://example.com/header-1.0.0.js"},
                     {"version": "1.1.0", "plugin_url": "https://example.com/header-1.1.0.js", "validated": true}]},
                   {"unique_name": "crm", "archived": true, "versions": [
                     {"version": "2.0.0", "plugin_url": "https://example.com/crm.js", "private": true}]}],
                 "configurations": [
                   {"name": "A", "plugins": [{"unique_name": "header", "version": "1.0.0"}, {"unique_name": "crm", "version": "2.0.0", "phase": 3}]},
                   {"name": "B", "description": "newer", "plugins": [{"unique_name": "header", "version": "1.1.0"}]}],
                 "releases": [{"configuration_name": "A"}, {"configuration_name": "B"}]}
                """.formatted(accountSid);
    }

    @Test
    void healthAnswersOkAndTheVersion() {
        JsonNode health = http.get("/__flexconf/health").json();
        assertEquals("ok", health.get("status").asText());
        assertEquals(Version.get(), health.get("version").asText());
    }

    @Test
    void accountsListsEachAccountWithStateAndHowMuchItHolds() {
        assertEquals(201, http.postJson("/__flexconf/seed", seedDocument(account)).status());
        String untouched = Http.newAccount();
        assertEquals(200, http.get(V1 + "/Plugins", basic(untouched, "token")).status());
        JsonNode accounts = http.get("/__flexconf/accounts").json().get("accounts");
        JsonNode mine = null;
        for (JsonNode a : accounts) {
            mine = a.get("account_sid").asText().equals(account) ? a : mine;
            assertTrue(!a.get("account_sid").asText().equals(untouched), "an account with no state is not listed");
        }
        assertEquals(2, mine.get("plugins").asInt());
        assertEquals(2, mine.get("configurations").asInt());
        assertEquals(2, mine.get("releases").asInt());
    }

    @Test
    void theTimelineSaysWhatEachReleaseChangedNewestFirst() {
        assertEquals(201, http.postJson("/__flexconf/seed", seedDocument(account)).status());
        JsonNode timeline = http.get("/__flexconf/timeline?AccountSid=" + account).json();
        JsonNode newest = timeline.get("releases").get(0);
        assertEquals("B", newest.get("configuration_name").asText());
        assertEquals(timeline.get("active_configuration_sid").asText(), newest.get("configuration_sid").asText());
        assertTrue(newest.get("active").asBoolean());
        assertEquals("removed crm, upgraded header", newest.get("changes").get(0).get("change").asText() + " "
                + newest.get("changes").get(0).get("unique_name").asText() + ", " + newest.get("changes").get(1).get("change").asText()
                + " " + newest.get("changes").get(1).get("unique_name").asText());
    }

    @Test
    void theConsoleWithoutItsTrailingSlashIsRedirectedToIt() {
        Http.Reply reply = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(running.server().url()
                + "/__flexconf/ui?account=" + account)));
        assertEquals(302, reply.status());
        assertEquals("/__flexconf/ui/?account=" + account, reply.header("Location"));
        Http.Reply page = http.get("/__flexconf/ui/?account=" + account);
        assertEquals(200, page.status());
        assertTrue(page.header("Content-Type").startsWith("text/html"), page.header("Content-Type"));
        assertEquals(404, http.get("/__flexconf/ui/nothing.js").status());
    }

    @Test
    void theTimelineNeedsAnAccount() {
        Http.Reply reply = http.get("/__flexconf/timeline");
        assertEquals(400, reply.status());
        assertEquals(20001, reply.json().get("code").asInt());
    }

    @Test
    void theJournalFiltersByStatusOrClassOfStatus() {
        assertEquals(200, http.get(V1 + "/Plugins", auth).status());
        assertEquals(404, http.get(V1 + "/Plugins/nothing", auth).status());
        JsonNode clientErrors = http.get("/__flexconf/requests?AccountSid=" + account + "&Status=4xx").json().get("requests");
        assertEquals(1, clientErrors.size());
        assertEquals(404, clientErrors.get(0).get("status").asInt());
        assertEquals(1, http.get("/__flexconf/requests?AccountSid=" + account + "&Status=200").json().get("requests").size());
        assertEquals(0, http.get("/__flexconf/requests?AccountSid=" + account + "&Status=5xx").json().get("requests").size());
        assertEquals(400, http.get("/__flexconf/requests?Status=4x").status());
    }

    @Test
    void seedLoadsAWholeAccountInOneCall() {
        Http.Reply seeded = http.postJson("/__flexconf/seed", seedDocument(account));
        assertEquals(201, seeded.status(), seeded.raw().body());
        assertEquals(2, seeded.json().get("plugins").size());
        assertEquals(3, seeded.json().get("plugin_versions").size());

        JsonNode configurations = http.get(V1 + "/Configurations", auth).json().get("configurations");
        assertEquals(List.of("B", "A"), List.of(configurations.get(0).get("name").asText(), configurations.get(1).get("name").asText()));
        String b = configurations.get(0).get("sid").asText();
        assertEquals(b, http.get(V1 + "/Releases/Active", auth).json().get("configuration_sid").asText());
        String a = configurations.get(1).get("sid").asText();
        JsonNode crm = http.get(V1 + "/Configurations/" + a + "/Plugins/crm", auth).json();
        assertEquals(3, crm.get("phase").asInt());
        assertTrue(crm.get("plugin_archived").asBoolean());
        assertTrue(crm.get("private").asBoolean());
        assertTrue(http.get(V1 + "/Plugins/header/Versions/1.1.0", auth).json().get("validated").asBoolean());
    }

    @Test
    void seedKeepsGivenSidsAndDates() {
        String doc = """
                {"account_sid": "%s", "configurations": [
                  {"sid": "FJaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "name": "Name", "description": "description",
                   "date_created": "2020-01-10T20:00:00Z"}]}""".formatted(account);
        assertEquals(201, http.postJson("/__flexconf/seed", doc).status());
        JsonNode fetched = http.get(V1 + "/Configurations/FJaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", auth).json();
        assertEquals("2020-01-10T20:00:00Z", fetched.get("date_created").asText());
        assertEquals("Name", fetched.get("name").asText());
    }

    @Test
    void anInvalidSeedLoadsNothingAndNamesTheElement() {
        String doc = """
                {"account_sid": "%s",
                 "plugins": [{"unique_name": "ok", "versions": [{"version": "1.0.0", "plugin_url": "https://example.com/ok.js"}]}],
                 "configurations": [{"name": "broken", "plugins": [{"unique_name": "ok", "version": "9.9.9"}]}]}
                """.formatted(account);
        Http.Reply reply = http.postJson("/__flexconf/seed", doc);
        assertEquals(400, reply.status());
        assertTrue(reply.json().get("message").asText().contains("configurations[0].plugins[0].version"), reply.raw().body());
        assertEquals(0, http.get(V1 + "/Plugins", auth).json().get("plugins").size());
    }

    @Test
    void aSeedWithAnUnknownFieldIsRefused() {
        Http.Reply reply = http.postJson("/__flexconf/seed", "{\"account_sid\": \"" + account + "\", \"plugins\": [{\"unique_nam\": \"typo\"}]}");
        assertEquals(400, reply.status());
        assertEquals(20001, reply.json().get("code").asInt());
    }

    @Test
    void resetOfOneAccountLeavesTheOthers() {
        String other = Http.newAccount();
        http.postJson("/__flexconf/seed", seedDocument(account));
        http.postJson("/__flexconf/seed", seedDocument(other));
        assertEquals(204, http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(running.server().url() + "/__flexconf/reset"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form("AccountSid", account)))).status());
        assertEquals(0, http.get(V1 + "/Configurations", auth).json().get("configurations").size());
        assertEquals(404, http.get(V1 + "/Releases/Active", auth).status());
        assertEquals(2, http.get(V1 + "/Configurations", basic(other, "x")).json().get("configurations").size());
    }

    @Test
    void aConfigurationFetchedBeforeAResetIsGoneAfterIt() {
        String sid = http.postForm(V1 + "/Configurations", auth, form("Name", "cached")).json().get("sid").asText();
        assertEquals(200, http.get(V1 + "/Configurations/" + sid, auth).status());
        running.server().reset(account);
        assertEquals(404, http.get(V1 + "/Configurations/" + sid, auth).status());
    }

    @Test
    void listsAndFetchesShowAnArchiveAtOnce() {
        String sid = http.postForm(V1 + "/Configurations", auth, form("Name", "to archive")).json().get("sid").asText();
        http.get(V1 + "/Configurations", auth);
        http.get(V1 + "/Configurations/" + sid, auth);
        assertEquals(200, http.postForm(V1 + "/Configurations/" + sid + "/Archive", auth, "").status());
        assertTrue(http.get(V1 + "/Configurations/" + sid, auth).json().get("archived").asBoolean());
        assertTrue(http.get(V1 + "/Configurations", auth).json().get("configurations").get(0).get("archived").asBoolean());
    }

    @Test
    void resetOfAllAccountsEmptiesEverything() {
        String other = Http.newAccount();
        http.postJson("/__flexconf/seed", seedDocument(account));
        http.postJson("/__flexconf/seed", seedDocument(other));
        assertEquals(204, http.postJson("/__flexconf/reset", "").status());
        assertEquals(0, http.get(V1 + "/Plugins", auth).json().get("plugins").size());
        assertEquals(0, http.get(V1 + "/Plugins", basic(other, "x")).json().get("plugins").size());
    }

    @Test
    void aReadInFlightSeesTheStateBeforeOrAfterAResetNeverAMix() throws Exception {
        StringBuilder big = new StringBuilder("{\"account_sid\": \"" + account + "\", \"configurations\": [");
        for (int i = 0; i < 300; i++) {
            big.append(i == 0 ? "" : ",").append("{\"name\": \"c").append(i).append("\"}");
        }
        String doc = big.append("]}").toString();
        Set<Integer> sizes = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> readers = new ArrayList<>();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int t = 0; t < 2; t++) {
            Thread reader = new Thread(() -> {
                try {
                    while (!stop.get()) {
                        sizes.add(http.get(V1 + "/Configurations?PageSize=1000", auth).json().get("configurations").size());
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            reader.start();
            readers.add(reader);
        }
        for (int round = 0; round < 15; round++) {
            assertEquals(201, http.postJson("/__flexconf/seed", doc).status());
            running.server().reset(account);
        }
        stop.set(true);
        for (Thread reader : readers) {
            reader.join(10_000);
            assertFalse(reader.isAlive(), "a reader did not stop");
        }
        assertEquals(List.of(), failures, "a reader failed");
        assertFalse(sizes.isEmpty(), "no read ran during the resets");
        assertTrue(Set.of(0, 300).containsAll(sizes), "a read saw a partial state: " + sizes);
    }

    @Test
    void theJournalKeepsTheRawRequest() {
        String body = "Name=my config&Plugins={\"plugin_version\":\"FV00000000000000000000000000000000\"}";
        http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(running.server().url() + V1 + "/Configurations"))
                .header("Authorization", auth).header("Flex-Metadata", "cli=7.0.0").header("User-Agent", "twilio-java/11.3.6")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
        JsonNode entry = http.get("/__flexconf/requests").json().get("requests").get(0);
        assertEquals("POST", entry.get("method").asText());
        assertEquals(V1 + "/Configurations", entry.get("path").asText());
        assertEquals(account, entry.get("account_sid").asText());
        assertEquals("CreatePluginConfiguration", entry.get("operation").asText());
        assertEquals("cli=7.0.0", entry.get("flex_metadata").asText());
        assertEquals("twilio-java/11.3.6", entry.get("user_agent").asText());
        assertEquals(body, entry.get("body").asText());
        assertEquals(400, entry.get("status").asInt());
        assertTrue(entry.get("duration_ms").asDouble() >= 0);
    }

    @Test
    void theJournalFiltersAndClears() {
        String other = Http.newAccount();
        http.get(V1 + "/Plugins", auth);
        http.get(V1 + "/Configurations", auth);
        http.get(V1 + "/Configurations", basic(other, "x"));
        assertEquals(2, http.get("/__flexconf/requests?AccountSid=" + account).json().get("requests").size());
        assertEquals(2, http.get("/__flexconf/requests?Path=" + V1 + "/Configurations").json().get("requests").size());
        assertEquals(1, http.get("/__flexconf/requests?Operation=ListPlugin").json().get("requests").size());
        assertEquals(204, http.delete("/__flexconf/requests?AccountSid=" + account).status());
        assertEquals(1, http.get("/__flexconf/requests").json().get("requests").size());
        assertEquals(204, http.delete("/__flexconf/requests").status());
        assertEquals(0, http.get("/__flexconf/requests").json().get("requests").size());
    }

    @Test
    void theJournalIsBoundedDroppingTheOldest() {
        for (int i = 0; i < 8; i++) {
            http.get(V1 + "/Plugins?PageSize=" + (i + 1), auth);
        }
        JsonNode requests = http.get("/__flexconf/requests").json().get("requests");
        assertEquals(5, requests.size());
        assertEquals("PageSize=8", requests.get(0).get("query").asText());
        assertEquals("PageSize=4", requests.get(4).get("query").asText());
    }

    @Test
    void theJournalRecordsRejectedRequestsWithoutAnAccount() {
        http.get(V1 + "/Plugins");
        JsonNode entry = http.get("/__flexconf/requests").json().get("requests").get(0);
        assertEquals(401, entry.get("status").asInt());
        assertTrue(entry.get("account_sid").isNull());
    }
}

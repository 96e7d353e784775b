package dev.flexconf.client;

import dev.flexconf.server.testkit.Http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flexconf.client.invoker.ApiException;
import dev.flexconf.model.ConfiguredPlugin;
import dev.flexconf.model.ListConfiguredPluginResponse;
import dev.flexconf.model.ListPluginConfigurationResponse;
import dev.flexconf.model.Plugin;
import dev.flexconf.model.PluginConfiguration;
import dev.flexconf.model.PluginConfigurationArchive;
import dev.flexconf.model.PluginVersion;
import dev.flexconf.server.FlexConfServer;
import dev.flexconf.server.ServerOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated client, through its glue, against the real emulator on an ephemeral port. */
class FlexConfClientTest {
    @TempDir
    static Path dir;
    static FlexConfServer server;

    FlexConfClient client;
    FlexConfApi api;

    @BeforeAll
    static void startServer() {
        server = FlexConfServer.start(ServerOptions.ephemeral().withDatabase(dir.resolve("client-test.db")));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void newAccount() {
        client = FlexConfClient.builder()
                .baseUrl(server.url())
                .credentials(Http.newAccount(), "token")
                .build();
        api = client.api();
    }

    private PluginVersion newVersion(String uniqueName, String version) throws ApiException {
        Plugin plugin = api.createPlugin(uniqueName, null, "Friendly " + uniqueName, "about " + uniqueName);
        return api.createPluginVersion(plugin.getSid(), version, java.net.URI.create("https://example.com/" + uniqueName + ".js"),
                null, "first", true, null, "success");
    }

    private static String entry(String versionSid, int phase) {
        return "{\"plugin_version\": \"" + versionSid + "\", \"phase\": " + phase + "}";
    }

    @Test
    void createsAndFetchesAConfiguration() throws ApiException {
        PluginVersion v = newVersion("plugin-a", "1.0.0");
        PluginConfiguration created = api.createPluginConfiguration("Name", null, List.of(entry(v.getSid(), 3)), "description");

        assertTrue(created.getSid().matches("FJ[0-9a-f]{32}"), created.getSid());
        assertEquals("Name", created.getName());
        assertEquals("description", created.getDescription());
        assertFalse(created.getArchived());
        assertEquals(server.url() + "/v1/PluginService/Configurations/" + created.getSid(), created.getUrl().toString());
        assertEquals(created.getUrl() + "/Plugins", created.getLinks().getPlugins().toString());
        assertEquals(created, api.fetchPluginConfiguration(created.getSid(), null));
    }

    @Test
    void createsAConfigurationWithoutPluginsWhenGivenNull() throws ApiException {
        PluginConfiguration created = api.createPluginConfiguration("empty", null, null, null);
        assertNull(created.getDescription());
        assertEquals(0, api.listConfiguredPlugin(created.getSid(), null, null, null, null).getPlugins().size());
    }

    /** The builder's timeout holds for the pages {@code all} fetches too, not only for the generated calls. */
    @Test
    void aLaterPageIsFetchedWithinTheClientsTimeout() throws ApiException {
        String account = Http.newAccount();
        FlexConfClient impatient = FlexConfClient.builder().baseUrl(server.url()).credentials(account, "token")
                .timeout(java.time.Duration.ofMillis(300)).build();
        for (int i = 0; i < 3; i++) {
            impatient.api().createPluginConfiguration("slow-" + i, null, List.of(), null);
        }
        ListPluginConfigurationResponse first = impatient.api().listPluginConfiguration(null, 1L, null, null);
        server.faults().add(new dev.flexconf.model.FaultRule().accountSid(account).operation("ListPluginConfiguration").delayMs(5000));
        try {
            long start = System.nanoTime();
            FlexConfClient.PageFetchException e = assertThrows(FlexConfClient.PageFetchException.class,
                    () -> impatient.all(first, ListPluginConfigurationResponse::getConfigurations,
                            ListPluginConfigurationResponse::getMeta).toList());
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 3000, "the page waited " + millis + " ms for a 300 ms timeout");
            assertTrue(e.getCause().getCause() instanceof java.net.http.HttpTimeoutException, String.valueOf(e.getCause().getCause()));
        } finally {
            server.faults().clear(account);
        }
    }

    @Test
    void walksEveryPageOfAListNewestFirst() throws ApiException {
        List<String> created = IntStream.range(0, 7).mapToObj(i -> {
            try {
                return api.createPluginConfiguration("config-" + i, null, List.of(), null).getName();
            } catch (ApiException e) {
                throw new AssertionError(e);
            }
        }).toList();

        ListPluginConfigurationResponse first = api.listPluginConfiguration(null, 3L, null, null);
        assertEquals(3, first.getConfigurations().size());
        assertNotNull(first.getMeta().getNextPageUrl());
        List<String> all = client.all(first, ListPluginConfigurationResponse::getConfigurations,
                ListPluginConfigurationResponse::getMeta).map(PluginConfiguration::getName).toList();

        List<String> newestFirst = new java.util.ArrayList<>(created);
        java.util.Collections.reverse(newestFirst);
        assertEquals(newestFirst, all);
    }

    @Test
    void archivesAConfigurationOnce() throws ApiException {
        PluginConfiguration created = api.createPluginConfiguration("to-archive", null, List.of(), null);
        PluginConfigurationArchive archived = api.updatePluginConfigurationArchive(created.getSid(), null);
        assertTrue(archived.getArchived());
        assertTrue(api.fetchPluginConfiguration(created.getSid(), null).getArchived());

        TwilioApiException again = assertThrows(TwilioApiException.class,
                () -> api.updatePluginConfigurationArchive(created.getSid(), null));
        assertEquals(400, again.getCode());
        assertEquals(20400, again.getTwilioCode());
    }

    @Test
    void listsAndFetchesConfiguredPluginsJoinedWithPluginAndVersion() throws ApiException {
        PluginVersion a = newVersion("plugin-a", "1.0.0");
        PluginVersion b = newVersion("plugin-b", "2.0.0");
        PluginConfiguration c = api.createPluginConfiguration("two", null, List.of(entry(a.getSid(), 1), entry(b.getSid(), 2)), null);

        ListConfiguredPluginResponse page = api.listConfiguredPlugin(c.getSid(), null, null, null, null);
        assertEquals(List.of("plugin-a", "plugin-b"), page.getPlugins().stream().map(ConfiguredPlugin::getUniqueName).toList());
        ConfiguredPlugin fetched = api.fetchConfiguredPlugin(c.getSid(), b.getPluginSid(), null);
        assertEquals(b.getSid(), fetched.getPluginVersionSid());
        assertEquals("2.0.0", fetched.getVersion());
        assertEquals("Friendly plugin-b", fetched.getFriendlyName());
        assertEquals(2, fetched.getPhase());
        assertTrue(fetched.getPrivate());
        assertEquals(c.getUrl() + "/Plugins/" + b.getPluginSid(), fetched.getUrl().toString());
    }

    @Test
    void rollsBackByReleasingAnOlderConfiguration() throws ApiException {
        PluginVersion crm100 = newVersion("crm", "1.0.0");
        PluginVersion crm110 = api.createPluginVersion(crm100.getPluginSid(), "1.1.0",
                java.net.URI.create("https://example.com/crm-1.1.0.js"), null, "second", false, null, null);
        String a = api.createPluginConfiguration("A", null, List.of(entry(crm100.getSid(), 0)), null).getSid();
        String b = api.createPluginConfiguration("B", null, List.of(entry(crm110.getSid(), 0)), null).getSid();

        api.createPluginRelease(a, null);
        assertEquals(a, api.fetchActivePluginRelease(null).getConfigurationSid());
        api.createPluginRelease(b, null);
        assertEquals(b, api.fetchActivePluginRelease(null).getConfigurationSid());
        api.createPluginRelease(a, null);
        assertEquals(a, api.fetchActivePluginRelease(null).getConfigurationSid());

        assertEquals(List.of(a, b, a), api.listPluginRelease(null, null, null, null).getReleases().stream()
                .map(dev.flexconf.model.PluginRelease::getConfigurationSid).toList());
        assertEquals(crm110.getSid(), api.fetchConfiguredPlugin(b, "crm", null).getPluginVersionSid());
        assertEquals(crm100.getSid(), api.fetchConfiguredPlugin(a, "crm", null).getPluginVersionSid());
    }

    @Test
    void surfacesANotFoundAsATypedTwilioError() {
        TwilioApiException e = assertThrows(TwilioApiException.class,
                () -> api.fetchPluginConfiguration("FJ00000000000000000000000000000000", null));
        assertEquals(404, e.getCode());
        assertEquals(20404, e.getTwilioCode());
        assertEquals("The requested resource /PluginService/Configurations/FJ00000000000000000000000000000000 was not found",
                e.getTwilioMessage());
        assertEquals("https://www.twilio.com/docs/errors/20404", e.getMoreInfo());
    }

    @Test
    void surfacesWrongCredentialsAsA401() {
        FlexConfApi stranger = FlexConfClient.builder().baseUrl(server.url()).credentials("not-an-account", "x").build().api();
        TwilioApiException e = assertThrows(TwilioApiException.class, () -> stranger.listPlugin(null, null, null, null));
        assertEquals(401, e.getCode());
        assertEquals(20003, e.getTwilioCode());
    }
}

package dev.flexconf.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.twilio.base.ResourceSet;
import com.twilio.exception.ApiException;
import com.twilio.http.HttpClient;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.flexapi.v1.Plugin;
import com.twilio.rest.flexapi.v1.PluginArchive;
import com.twilio.rest.flexapi.v1.PluginConfiguration;
import com.twilio.rest.flexapi.v1.PluginConfigurationArchive;
import com.twilio.rest.flexapi.v1.PluginRelease;
import com.twilio.rest.flexapi.v1.plugin.PluginVersions;
import com.twilio.rest.flexapi.v1.pluginconfiguration.ConfiguredPlugin;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Twilio's own Java helper library, unmodified, against the target: only its HTTP client is swapped
 * for one that sends {@code https://flex-api.twilio.com} requests to the target's base URL (against
 * Twilio itself that is no change at all).
 */
class TwilioJavaScenarios {
    private static final String TWILIO = "https://flex-api.twilio.com";
    private static TwilioRestClient client;
    private static final List<Runnable> CLEANUP = new ArrayList<>();

    /** Sends each request to {@code baseUrl} instead of Twilio's host; everything else untouched. */
    static final class RedirectingHttpClient extends HttpClient {
        private final NetworkHttpClient network = new NetworkHttpClient();
        private final String baseUrl;

        RedirectingHttpClient(String baseUrl) {
            this.baseUrl = baseUrl;
        }

        @Override
        public Response makeRequest(Request original) {
            String url = original.getUrl();
            if (url.startsWith(TWILIO)) {
                url = baseUrl + url.substring(TWILIO.length());
            }
            Request request = new Request(original.getMethod(), url);
            original.getQueryParams().forEach((k, values) -> values.forEach(v -> request.addQueryParam(k, v)));
            original.getPostParams().forEach((k, values) -> values.forEach(v -> request.addPostParam(k, v)));
            original.getHeaderParams().forEach((k, values) -> values.forEach(v -> request.addHeaderParam(k, v)));
            if (original.getAuthStrategy() != null) {
                request.setAuth(original.getAuthStrategy());
            } else if (original.getUsername() != null) {
                request.setAuth(original.getUsername(), original.getPassword());
            }
            request.setContentType(original.getContentType());
            request.setBody(original.getBody());
            request.setUserAgentExtensions(original.getUserAgentExtensions());
            return network.makeRequest(request);
        }
    }

    @BeforeAll
    static void client() {
        Target target = Target.get();
        client = new TwilioRestClient.Builder(target.account.sid(), target.account.token())
                .httpClient(new RedirectingHttpClient(target.baseUrl))
                .build();
    }

    @AfterAll
    static void archive() {
        for (int i = CLEANUP.size() - 1; i >= 0; i--) {
            try {
                CLEANUP.get(i).run();
            } catch (ApiException e) {
                // part of the active release, or already archived: left as it is
            }
        }
    }

    private static String plugin(String label) {
        Plugin plugin = Plugin.creator(Fixtures.unique(label)).setFriendlyName(label).create(client);
        CLEANUP.add(() -> PluginArchive.updater(plugin.getSid()).update(client));
        return plugin.getSid();
    }

    private static String version(String plugin, String version) {
        return PluginVersions.creator(plugin, version, URI.create("https://example.com/" + version + "/bundle.js"))
                .set_private(true).create(client).getSid();
    }

    private static String configuration(String label, String... versions) {
        List<Object> plugins = new ArrayList<>();
        for (String v : versions) {
            plugins.add(Map.of("plugin_version", v, "phase", 3));
        }
        return PluginConfiguration.creator(Fixtures.unique(label)).setPlugins(plugins).setDescription(label).create(client).getSid();
    }

    private static String activeConfiguration() {
        return PluginRelease.fetcher("Active").fetch(client).getConfigurationSid();
    }

    @Test
    void theLifecycleWorksThroughTwilioJava() {
        assumeTrue(Target.get().releasesAllowed, "releases change a real contact center: -Dflexconf.allowReleases=true");
        String header = plugin("tj-header");
        String header100 = version(header, "1.0.0");
        String crm = plugin("tj-crm");
        String crm100 = version(crm, "1.0.0");
        String crm110 = version(crm, "1.1.0");

        String a = configuration("tj-A", header100, crm100);
        PluginRelease.creator(a).create(client);
        assertEquals(a, activeConfiguration());

        String b = configuration("tj-B", header100, crm110);
        PluginRelease.creator(b).create(client);
        assertEquals(b, activeConfiguration());

        PluginRelease.creator(a).create(client);
        assertEquals(a, activeConfiguration());
        List<String> trail = StreamSupport.stream(PluginRelease.reader().limit(3).read(client).spliterator(), false)
                .map(PluginRelease::getConfigurationSid).toList();
        assertEquals(List.of(a, b, a), trail);

        ConfiguredPlugin crmInB = ConfiguredPlugin.fetcher(b, crm).fetch(client);
        assertEquals(crm110, crmInB.getPluginVersionSid());
        assertEquals(3, crmInB.getPhase());
        assertEquals("1.1.0", crmInB.getVersion());
    }

    @Test
    void resourceSetIteratesEveryPage() {
        String plugin = plugin("tj-paged");
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(0, version(plugin, "2.0." + i));
        }
        ResourceSet<PluginVersions> versions = PluginVersions.reader(plugin).pageSize(2).read(client);
        List<String> seen = StreamSupport.stream(versions.spliterator(), false).map(PluginVersions::getSid).toList();
        assertEquals(created, seen);
    }

    @Test
    void aConfigurationReadsBackWithItsPlugins() {
        String plugin = plugin("tj-config");
        String version = version(plugin, "1.0.0");
        String sid = configuration("tj-config", version);
        PluginConfiguration fetched = PluginConfiguration.fetcher(sid).fetch(client);
        assertEquals(sid, fetched.getSid());
        assertEquals(false, fetched.getArchived());
        assertEquals(List.of(version), StreamSupport.stream(ConfiguredPlugin.reader(sid).read(client).spliterator(), false)
                .map(ConfiguredPlugin::getPluginVersionSid).toList());
        CLEANUP.add(() -> PluginConfigurationArchive.updater(sid).update(client));
    }

    @Test
    void aNotFoundIsAnApiExceptionWithCode20404() {
        ApiException e = assertThrows(ApiException.class,
                () -> PluginConfiguration.fetcher("FJ00000000000000000000000000000bad").fetch(client));
        assertEquals(20404, e.getCode());
        assertEquals(404, e.getStatusCode());
    }
}

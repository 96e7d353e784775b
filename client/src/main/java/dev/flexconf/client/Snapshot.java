package dev.flexconf.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.flexconf.client.invoker.ApiException;
import dev.flexconf.model.ListConfiguredPluginResponse;
import dev.flexconf.model.ListMeta;
import dev.flexconf.model.ListPluginConfigurationResponse;
import dev.flexconf.model.ListPluginReleaseResponse;
import dev.flexconf.model.ListPluginResponse;
import dev.flexconf.model.ListPluginVersionResponse;
import dev.flexconf.model.SeedConfiguration;
import dev.flexconf.model.SeedConfiguredPlugin;
import dev.flexconf.model.SeedDocument;
import dev.flexconf.model.SeedPlugin;
import dev.flexconf.model.SeedPluginVersion;
import dev.flexconf.model.SeedRelease;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * A copy of one account's whole PluginService state, read with GETs only through the generated client
 * from any base URL (Twilio itself, or a FlexConf), as a seed document: plugins with their versions,
 * configurations with their plugins, releases oldest first, sids, dates and archive flags kept.
 * Loading it ({@code --seed}, {@code POST /__flexconf/seed}) into an emulator without that account
 * answers every PluginService GET as the original did, URLs aside. A 429 is retried as Twilio's helper
 * libraries do (a few times, waiting longer each time); a 401, a 404 or a 429 that persists ends the
 * snapshot with an {@link IllegalStateException} that says which. The server's jar runs it as {@code
 * java -jar flexconf-server.jar snapshot}. Not thread-safe.
 */
public final class Snapshot {
    private static final long PAGE_SIZE = 1000;
    private static final int TRIES = 4;
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final FlexConfApi api;
    private final PrintStream progress;
    private final Duration retryWait;

    /**
     * @param progress  where a line of progress goes now and then (stderr for the command), or null
     * @param retryWait the first wait after a 429; each further one is twice as long
     */
    public Snapshot(FlexConfClient client, PrintStream progress, Duration retryWait) {
        this.api = client.api();
        this.progress = progress;
        this.retryWait = retryWait;
    }

    /** Reads the account the client authenticates as. */
    public SeedDocument take(String accountSid) {
        List<SeedPlugin> plugins = new ArrayList<>();
        for (var p : oldestFirst(all(() -> api.listPlugin(null, PAGE_SIZE, null, null),
                ListPluginResponse::getPlugins, ListPluginResponse::getMeta, ListPluginResponse.class))) {
            List<SeedPluginVersion> versions = oldestFirst(all(() -> api.listPluginVersion(p.getSid(), null, PAGE_SIZE, null, null),
                    ListPluginVersionResponse::getPluginVersions, ListPluginVersionResponse::getMeta, ListPluginVersionResponse.class))
                    .stream().map(v -> seed(v, SeedPluginVersion.class)).toList();
            plugins.add(seed(p, SeedPlugin.class).versions(versions));
            say("plugin " + p.getUniqueName() + ": " + versions.size() + " versions");
        }
        List<SeedConfiguration> configurations = new ArrayList<>();
        for (var c : oldestFirst(all(() -> api.listPluginConfiguration(null, PAGE_SIZE, null, null),
                ListPluginConfigurationResponse::getConfigurations, ListPluginConfigurationResponse::getMeta,
                ListPluginConfigurationResponse.class))) {
            List<SeedConfiguredPlugin> entries = all(() -> api.listConfiguredPlugin(c.getSid(), null, PAGE_SIZE, null, null),
                            ListConfiguredPluginResponse::getPlugins, ListConfiguredPluginResponse::getMeta,
                            ListConfiguredPluginResponse.class).stream()
                    .map(e -> seed(e, SeedConfiguredPlugin.class))
                    .toList();
            configurations.add(seed(c, SeedConfiguration.class).plugins(entries));
            if (configurations.size() % 100 == 0) {
                say(configurations.size() + " configurations");
            }
        }
        List<SeedRelease> releases = oldestFirst(all(() -> api.listPluginRelease(null, PAGE_SIZE, null, null),
                        ListPluginReleaseResponse::getReleases, ListPluginReleaseResponse::getMeta, ListPluginReleaseResponse.class)).stream()
                .map(r -> seed(r, SeedRelease.class))
                .toList();
        say(plugins.size() + " plugins, " + configurations.size() + " configurations, " + releases.size() + " releases");
        return new SeedDocument().accountSid(accountSid).plugins(plugins).configurations(configurations).releases(releases);
    }

    /** Every item of a list, its pages followed through {@code next_page_url}, each page call retried on 429. */
    private <P, T> List<T> all(Call<P> first, Function<P, List<T>> items, Function<P, ListMeta> meta, Class<P> type) {
        List<T> all = new ArrayList<>();
        P page = call(first);
        while (true) {
            all.addAll(items.apply(page));
            if (meta.apply(page).getNextPageUrl() == null) {
                return all;
            }
            String next = meta.apply(page).getNextPageUrl().toString();
            page = call(() -> api.getPage(next, type));
        }
    }

    /** A call of the generated client, retried on 429; a 401 or a 404 ends the snapshot, saying so. */
    private <T> T call(Call<T> call) {
        Duration wait = retryWait;
        for (int attempt = 1; ; attempt++) {
            try {
                return call.run();
            } catch (TwilioApiException e) {
                if (e.getCode() == 429 && attempt < TRIES) {
                    say("429 Too Many Requests: again in " + wait.toMillis() + " ms");
                    sleep(wait);
                    wait = wait.multipliedBy(2);
                    continue;
                }
                throw new IllegalStateException(switch (e.getCode()) {
                    case 401 -> "401: the account sid and token (or API key and secret) were refused";
                    case 404 -> "404: the PluginService of this account was not found (is Flex enabled on it?)";
                    case 429 -> "429: still rate limited after " + TRIES + " tries";
                    default -> e.getCode() + ": " + e.getMessage();
                }, e);
            } catch (ApiException e) {
                throw new IllegalStateException("the source could not be read: " + e.getMessage(), e);
            }
        }
    }

    private interface Call<T> {
        T run() throws ApiException;
    }

    /**
     * The seed form of a resource as the API answered it: the seed models name their fields as the API
     * does, so no field list is copied here and the fields a seed does not take drop out.
     */
    private static <T> T seed(Object resource, Class<T> type) {
        return MAPPER.convertValue(resource, type);
    }

    private static <T> List<T> oldestFirst(List<T> newestFirst) {
        List<T> copy = new ArrayList<>(newestFirst);
        Collections.reverse(copy);
        return copy;
    }

    private void say(String line) {
        if (progress != null) {
            progress.println("snapshot: " + line);
        }
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }

    /** Writes {@code doc} as JSON to {@code out}: beside it first, then renamed, so a failure leaves no partial file. */
    public static void write(SeedDocument doc, Path out) throws IOException {
        Path target = out.toAbsolutePath();
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
        try {
            MAPPER.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), doc);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}

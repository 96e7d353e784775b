package dev.flexconf.conformance;

import dev.flexconf.server.testkit.Alternating;
import dev.flexconf.server.testkit.Http;
import dev.flexconf.server.testkit.Postgres;

import dev.flexconf.server.FlexConfServer;
import dev.flexconf.server.ServerOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The implementation under test, chosen once per test JVM.
 *
 * <ul>
 *   <li>Default: a FlexConf emulator started in-process on 127.0.0.1, ephemeral port, SQLite file in a
 *       temp folder; two fresh random accounts.</li>
 *   <li>{@code -Dflexconf.replicas=N} (or env {@code FLEXCONF_REPLICAS}): N FlexConf replicas started
 *       in-process on one PostgreSQL database (the test kit's own cluster), behind a front that sends
 *       each request to the next replica in turn.</li>
 *   <li>{@code -Dflexconf.baseUrl=URL} (or env {@code FLEXCONF_BASE_URL}): that URL, with the account of
 *       {@code TWILIO_ACCOUNT_SID}/{@code TWILIO_AUTH_TOKEN} (env or system properties). The second
 *       account, for isolation scenarios, is {@code flexconf.otherAccountSid}/{@code otherAuthToken};
 *       against an emulator ({@code -Dflexconf.emulator=true}) any AC sid works, so one is made up.</li>
 * </ul>
 * Release scenarios change which configuration a contact center runs, so against anything that is not
 * an emulator they run only with {@code -Dflexconf.allowReleases=true}. Immutable once resolved.
 */
final class Target {
    /** An account's credentials. */
    record Account(String sid, String token) {
        static Account random() {
            return new Account(Http.newAccount(), "token-" + UUID.randomUUID());
        }
    }

    /** Unique per run, so fixtures never collide with what an account already holds. */
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    private static final Target INSTANCE = resolve();

    final String baseUrl;
    final Account account;
    final Account other;
    final boolean emulator;
    final boolean releasesAllowed;
    /** Whether requests pass a front (the replicas' load balancer) that answers some malformed ones itself. */
    final boolean behindFront;

    private Target(String baseUrl, Account account, Account other, boolean emulator, boolean releasesAllowed, boolean behindFront) {
        this.baseUrl = baseUrl;
        this.account = account;
        this.other = other;
        this.emulator = emulator;
        this.releasesAllowed = releasesAllowed;
        this.behindFront = behindFront;
    }

    static Target get() {
        return INSTANCE;
    }

    private static Target resolve() {
        String url = setting("flexconf.baseUrl", "FLEXCONF_BASE_URL");
        if (url == null) {
            return inProcess();
        }
        String sid = setting("flexconf.accountSid", "TWILIO_ACCOUNT_SID");
        String token = setting("flexconf.authToken", "TWILIO_AUTH_TOKEN");
        boolean emulator = Boolean.parseBoolean(setting("flexconf.emulator", "FLEXCONF_EMULATOR"));
        Account account = sid != null && token != null ? new Account(sid, token)
                : emulator ? Account.random() : failMissingCredentials();
        String otherSid = setting("flexconf.otherAccountSid", "FLEXCONF_OTHER_ACCOUNT_SID");
        String otherToken = setting("flexconf.otherAuthToken", "FLEXCONF_OTHER_AUTH_TOKEN");
        Account other = otherSid != null && otherToken != null ? new Account(otherSid, otherToken)
                : emulator ? Account.random() : null;
        boolean releases = emulator || Boolean.parseBoolean(setting("flexconf.allowReleases", "FLEXCONF_ALLOW_RELEASES"));
        String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        return new Target(base, account, other, emulator, releases, false);
    }

    private static Account failMissingCredentials() {
        throw new IllegalStateException("flexconf.baseUrl is set: set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN too "
                + "(or -Dflexconf.emulator=true for an emulator that takes any account)");
    }

    private static Target inProcess() {
        String replicas = setting("flexconf.replicas", "FLEXCONF_REPLICAS");
        if (replicas != null) {
            return replicas(Integer.parseInt(replicas));
        }
        try {
            Path dir = Files.createTempDirectory("flexconf-conformance");
            FlexConfServer server = FlexConfServer.start(ServerOptions.ephemeral().withDatabase(dir.resolve("conformance.db")));
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "flexconf-conformance-stop"));
            return new Target(server.url(), Account.random(), Account.random(), true, true, false);
        } catch (IOException e) {
            throw new IllegalStateException("cannot make a temp folder for the emulator's database", e);
        }
    }

    /** {@code count} replicas on one new PostgreSQL database, requests alternating between them. */
    private static Target replicas(int count) {
        try {
            String database = Postgres.shared().newDatabase();
            Alternating front = Alternating.start();
            List<String> urls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                FlexConfServer replica = FlexConfServer.start(Postgres.replica(database).withBaseUrl(front.url()));
                Runtime.getRuntime().addShutdownHook(new Thread(replica::close, "flexconf-conformance-stop"));
                urls.add(replica.url());
            }
            front.to(urls);
            return new Target(front.url(), Account.random(), Account.random(), true, true, true);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the front of the replicas", e);
        }
    }

    private static String setting(String property, String env) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? null : value.trim();
    }
}

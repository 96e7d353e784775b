package dev.flexconf.server.app;

import dev.flexconf.client.FlexConfClient;
import dev.flexconf.client.Snapshot;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar flexconf-server.jar snapshot --out FILE}: one account's whole PluginService state, read
 * with GETs only from any base URL (Twilio by default, or a FlexConf), written as a seed document that
 * {@code --seed} loads. Progress goes to stderr; exit 1 with one line on stderr when the source refuses
 * (401, 404, a 429 that persists), and no file is left behind then.
 */
@Command(name = SnapshotCommand.NAME, mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Copy an account's plugins, versions, configurations and releases into a seed document.")
final class SnapshotCommand implements Callable<Integer> {
    static final String NAME = "snapshot";

    @Option(names = "--from", paramLabel = "URL", defaultValue = "https://flex-api.twilio.com",
            description = "Base URL to read from: Twilio, or a FlexConf.")
    String from;

    @Option(names = "--out", paramLabel = "FILE", required = true,
            description = "Seed document to write (replaced whole, only once complete).")
    Path out;

    @Option(names = "--account", paramLabel = "AC…", defaultValue = "${env:TWILIO_ACCOUNT_SID}",
            description = "The account to copy (env TWILIO_ACCOUNT_SID).")
    String account;

    @Option(names = "--token", defaultValue = "${env:TWILIO_AUTH_TOKEN}",
            description = "Its auth token (env TWILIO_AUTH_TOKEN); or an API key and secret.")
    String token;

    @Option(names = "--api-key", paramLabel = "SK…", defaultValue = "${env:TWILIO_API_KEY}",
            description = "An API key of the account, instead of its token (env TWILIO_API_KEY).")
    String apiKey;

    @Option(names = "--api-secret", defaultValue = "${env:TWILIO_API_SECRET}",
            description = "The API key's secret (env TWILIO_API_SECRET).")
    String apiSecret;

    @Override
    public Integer call() {
        if (account == null) {
            return fail("--account (or TWILIO_ACCOUNT_SID) is required");
        }
        boolean key = apiKey != null && apiSecret != null;
        if (!key && token == null) {
            return fail("--token (or TWILIO_AUTH_TOKEN), or --api-key and --api-secret, is required");
        }
        FlexConfClient client = FlexConfClient.builder().baseUrl(from)
                .credentials(key ? apiKey : account, key ? apiSecret : token).build();
        try {
            Snapshot.write(new Snapshot(client, System.err, Duration.ofSeconds(1)).take(account), out);
        } catch (IllegalStateException | IOException e) {
            return fail(e.getMessage());
        }
        System.err.println("snapshot: " + account + " written to " + out);
        return 0;
    }

    private static int fail(String message) {
        System.err.println("snapshot: " + message);
        return 1;
    }
}

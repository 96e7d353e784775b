package dev.flexconf.server.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The run the build records the jar's class archive from ({@code -XX:ArchiveClassesAtExit}, in
 * server/app's {@code package} phase; {@code server/app/flexconf} starts the emulator with it): the
 * emulator started by {@link Main} as the README starts it, on a temporary file and an ephemeral port,
 * then the requests a session begins with (a plugin, a version, a configuration, a release, the reads of
 * each, an error), then the exit that writes the archive. Nothing is left behind but the archive. Not
 * part of the product's behaviour: a class the JVM loads here starts loaded next time.
 */
public final class TrainingRun {
    private static final String ACCOUNT = "AC" + "0".repeat(31) + "1";
    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString((ACCOUNT + ":training").getBytes(StandardCharsets.UTF_8));
    private static final Pattern SID = Pattern.compile("\"sid\"\\s*:\\s*\"([A-Z]{2}[0-9a-f]{32})\"");

    private TrainingRun() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Path dir = Files.createTempDirectory("flexconf-training");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String[] mainArgs = {"--host", "127.0.0.1", "--port", String.valueOf(port), "--db", dir.resolve("training.db").toString(),
                "--ca-dir", dir.resolve("ca").toString()};
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir), "flexconf-training-cleanup"));
        Thread emulator = new Thread(() -> Main.main(mainArgs), "flexconf-training-emulator");
        emulator.setDaemon(true);
        emulator.start();
        try {
            session("http://127.0.0.1:" + port);
        } catch (Exception | Error e) {
            System.err.println("flexconf training run failed: " + e);
            System.exit(1);
        }
        // stopped as a user stops it: Main drains, closes the database and exits 0, which writes the archive
        sun.misc.Signal.raise(new sun.misc.Signal("TERM"));
        emulator.join();
    }

    private static void session(String base) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!answers(base + "/__flexconf/health")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the emulator did not start within 60 s");
            }
            Thread.sleep(20);
        }
        String v1 = base + "/v1/PluginService";
        String plugin = sid(call("POST", v1 + "/Plugins", "UniqueName=training&FriendlyName=Training", 201));
        String version = sid(call("POST", v1 + "/Plugins/" + plugin + "/Versions",
                "Version=1.0.0&PluginUrl=https%3A%2F%2Fexample.com%2Fplugin.js&Private=true", 201));
        String configuration = sid(call("POST", v1 + "/Configurations",
                "Name=training&Plugins=%7B%22plugin_version%22%3A%22" + version + "%22%7D", 201));
        call("GET", v1 + "/Configurations/" + configuration, null, 200);
        call("GET", v1 + "/Configurations?PageSize=50", null, 200);
        call("GET", v1 + "/Configurations/" + configuration + "/Plugins", null, 200);
        call("GET", v1 + "/Plugins/" + plugin + "/Versions", null, 200);
        call("POST", v1 + "/Releases", "ConfigurationId=" + configuration, 201);
        call("GET", v1 + "/Releases/Active", null, 200);
        call("GET", v1 + "/Configurations/FJ" + "0".repeat(32), null, 404);
        call("POST", v1 + "/Configurations", "Plugins=not-json", 400);
    }

    private static boolean answers(String url) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            try {
                return connection.getResponseCode() == 200;
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            return false;
        }
    }

    private static String call(String method, String url, String form, int expected) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setRequestMethod(method);
        connection.setRequestProperty("Authorization", AUTH);
        if (form != null) {
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
            try (OutputStream out = connection.getOutputStream()) {
                out.write(form.getBytes(StandardCharsets.UTF_8));
            }
        }
        int status = connection.getResponseCode();
        try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (status != expected) {
                throw new IllegalStateException(method + " " + url + ": " + status + " (expected " + expected + ") " + body);
            }
            return body;
        }
    }

    private static String sid(String body) {
        Matcher matcher = SID.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("no sid in " + body);
        }
        return matcher.group(1);
    }

    /** Best effort: a leftover temporary folder is harmless. */
    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // left for the system's temporary-folder cleaning
        }
    }
}

package dev.flexconf.conformance.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FlexConf's runnable jar ({@code -Dflexconf.serverJar}, built by the server module) started as its own
 * process on 127.0.0.1, an ephemeral port, a database and a CA folder in {@code dir}; stopped by
 * {@link #close()}. Its state is read over plain HTTP, beside the tools that reach it through the
 * front door. Not thread-safe.
 */
final class EmulatorProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:(\\d+))");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    final String url;
    final int port;
    final Path log;
    private final Process process;

    private EmulatorProcess(String url, int port, Path log, Process process) {
        this.url = url;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    static EmulatorProcess start(Path dir) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("flexconf.serverJar", "../server/target/flexconf-server.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the server module first (mvn -B verify builds it)");
        }
        Path log = dir.resolve("server.log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
                "--host", "127.0.0.1", "--port", "0", "--db", dir.resolve("flexconf.db").toString(),
                "--ca-dir", dir.resolve("ca").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = LISTENING.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (m.find()) {
                return new EmulatorProcess(m.group(1), Integer.parseInt(m.group(2)), log, process);
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("FlexConf exited before listening:\n" + Files.readString(log));
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException("FlexConf did not start within 60 s:\n" + Files.readString(log));
    }

    /** GET {@code path} as {@code account} over plain HTTP; the JSON answer, which must be a 200. */
    JsonNode get(String account, String path) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(10));
        if (account != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((account + ":token").getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** The front door's set-up as FlexConf advertises it ({@code GET /__flexconf/proxy}). */
    JsonNode proxySetup() throws IOException, InterruptedException {
        return get(null, "/__flexconf/proxy");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}

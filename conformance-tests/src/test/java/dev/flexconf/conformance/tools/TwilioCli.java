package dev.flexconf.conformance.tools;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * twilio-cli as installed from {@code conformance-tests/twilio-tools} (with the Flex Plugins CLI linked
 * into its own temporary home), run as a user runs it: unmodified, in a clean environment that holds
 * only the account's credentials and, when {@link #throughFlexConf}, the front door's variables as
 * {@code GET /__flexconf/proxy} advertises them. Not thread-safe.
 */
final class TwilioCli {
    /** What a command did: its exit code and its output (stdout and stderr, colours removed). */
    record Result(int exit, String output) {
        Result ok() {
            if (exit != 0) {
                throw new AssertionError("exit " + exit + ":\n" + output);
            }
            return this;
        }
    }

    private static final long TIMEOUT_SECONDS = 120;
    private final Path tools;
    private final Path home;
    private final Map<String, String> frontDoor;

    private TwilioCli(Path tools, Path home, Map<String, String> frontDoor) {
        this.tools = tools;
        this.home = home;
        this.frontDoor = frontDoor;
    }

    /**
     * The installed tools ({@code -Dflexconf.tools.dir}) with a fresh home in {@code home}, pointed at
     * {@code emulator} through its advertised set-up, the npm look-ups going to {@code registry}.
     */
    static TwilioCli throughFlexConf(EmulatorProcess emulator, StandInRegistry registry, Path home) throws IOException, InterruptedException {
        Map<String, String> env = new HashMap<>();
        JsonNode setup = emulator.proxySetup();
        setup.get("env").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        env.put("npm_config_registry", registry.url());
        env.put("NO_PROXY", "127.0.0.1,localhost");
        return new TwilioCli(installed(), home, env);
    }

    /** The same tools with none of FlexConf's variables: they go to the network as they were built to. */
    TwilioCli withoutFlexConf() {
        return new TwilioCli(tools, home, Map.of());
    }

    static Path installed() {
        Path dir = Path.of(System.getProperty("flexconf.tools.dir", "target/twilio-tools")).toAbsolutePath();
        if (!Files.isExecutable(dir.resolve("node_modules/.bin/twilio"))) {
            throw new IllegalStateException("twilio-cli is not installed in " + dir + ": conformance-tests/twilio-tools/install.sh installs it");
        }
        return dir;
    }

    /** Links the installed Flex Plugins CLI into this home ({@code twilio plugins:link}), as its README says to. */
    void linkFlexPlugins() throws IOException, InterruptedException {
        run(null, "AC" + "0".repeat(32), "plugins:link", tools.resolve("node_modules/@twilio-labs/plugin-flex").toString()).ok();
    }

    /** Runs {@code twilio args…} as {@code account}, {@code input} (may be null) on its standard input. */
    Result run(String input, String account, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(tools.resolve("node_modules/.bin/twilio").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", tools.resolve("node_modules/.bin") + java.io.File.pathSeparator + System.getenv("PATH"));
        env.put("HOME", home.toString());
        env.put("CI", "true");
        env.put("NO_COLOR", "1");
        env.put("TERM", "dumb");
        env.put("TWILIO_ACCOUNT_SID", account);
        env.put("TWILIO_AUTH_TOKEN", "token-of-" + account);
        env.putAll(frontDoor);
        Process process = builder.start();
        try (OutputStream stdin = process.getOutputStream()) {
            if (input != null) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[][] output = new byte[1][];
        Thread reader = new Thread(() -> {
            try {
                output[0] = process.getInputStream().readAllBytes();
            } catch (IOException e) {
                output[0] = ("(output unreadable: " + e + ")").getBytes(StandardCharsets.UTF_8);
            }
        });
        reader.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            reader.join();
            throw new AssertionError("twilio " + String.join(" ", args) + " did not end within " + TIMEOUT_SECONDS + " s:\n"
                    + new String(output[0], StandardCharsets.UTF_8));
        }
        reader.join();
        String text = new String(output[0], StandardCharsets.UTF_8).replaceAll("\u001B\\[[0-9;?]*[A-Za-z]", "");
        return new Result(process.exitValue(), text);
    }
}

package dev.flexconf.server.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FlexConf as a process of its own, on 127.0.0.1 and a free port: either the runnable jar
 * ({@link #jar(Path, Path, String...)}) or the app's main class on the caller's classpath
 * ({@link #main(Path, String...)}). It is ready once it has logged its start line; its output goes to a
 * log file. {@link #close()} stops it (SIGTERM, then SIGKILL); {@link #kill()} kills it outright. Not
 * thread-safe.
 */
public final class ServerProcess implements AutoCloseable {
    /** The app's main class. */
    public static final String MAIN = "dev.flexconf.server.app.Main";
    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:(\\d+))");
    private static final Duration START = Duration.ofSeconds(60);

    private final Process process;
    private final String url;
    private final int port;
    private final Path log;

    private ServerProcess(Process process, String url, int port, Path log) {
        this.process = process;
        this.url = url;
        this.port = port;
        this.log = log;
    }

    /** {@code java -jar jar --host 127.0.0.1 --port 0 args…}, its output in {@code log}. */
    public static ServerProcess jar(Path jar, Path log, String... args) throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build server/app first (mvn -B verify builds it)");
        }
        return start(List.of("-jar", jar.toAbsolutePath().toString()), log, args);
    }

    /** {@link #MAIN} on this JVM's classpath, {@code --host 127.0.0.1 --port 0 args…}, its output in {@code log}. */
    public static ServerProcess main(Path log, String... args) throws IOException, InterruptedException {
        return start(List.of("-cp", System.getProperty("java.class.path"), MAIN), log, args);
    }

    /** As {@link #main(Path, String...)}, the JVM started with {@code jvmOptions} (such as {@code -Xmx64m}). */
    public static ServerProcess main(List<String> jvmOptions, Path log, String... args) throws IOException, InterruptedException {
        List<String> launch = new ArrayList<>(jvmOptions);
        launch.addAll(List.of("-cp", System.getProperty("java.class.path"), MAIN));
        return start(launch, log, args);
    }

    /**
     * As {@link #main(Path, String...)}, with the files it writes limited to {@code kilobytes} (the
     * shell's {@code ulimit -f}): past it every write fails as on a full disk (the JVM ignores SIGXFSZ).
     */
    public static ServerProcess mainWithFileSizeLimit(long kilobytes, Path log, String... args) throws IOException, InterruptedException {
        return start(List.of("bash", "-c", "ulimit -f " + kilobytes + " && exec \"$0\" \"$@\""),
                List.of("-cp", System.getProperty("java.class.path"), MAIN), log, args);
    }

    private static ServerProcess start(List<String> launch, Path log, String... args) throws IOException, InterruptedException {
        return start(List.of(), launch, log, args);
    }

    private static ServerProcess start(List<String> wrapper, List<String> launch, Path log, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(wrapper);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(launch);
        command.addAll(List.of("--host", "127.0.0.1", "--port", "0"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = LISTENING.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (m.find()) {
                return new ServerProcess(process, m.group(1), Integer.parseInt(m.group(2)), log);
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("FlexConf exited before listening:\n" + Files.readString(log));
            }
            Thread.sleep(50);
        }
        process.destroyForcibly();
        throw new IllegalStateException("FlexConf did not start within " + START.toSeconds() + " s:\n" + Files.readString(log));
    }

    /** Its plain-HTTP base URL. */
    public String url() {
        return url;
    }

    public int port() {
        return port;
    }

    /** Everything it has printed so far. */
    public String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** SIGTERM, without waiting. */
    public void signal() {
        process.destroy();
    }

    /** Its exit code once it has exited within {@code timeout}; null if it is still running then. */
    public Integer exitCode(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : null;
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}

package dev.flexconf.conformance.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * twilio-java 11, unmodified and with its default HTTP client, against FlexConf's jar: in a JVM of its
 * own whose only settings are the Java flags {@code GET /__flexconf/proxy} advertises (its HTTP client
 * reads the JVM's proxy and truststore properties).
 */
class TwilioJavaTest {
    @TempDir
    static Path dir;
    private static EmulatorProcess emulator;

    @BeforeAll
    static void start() throws Exception {
        emulator = EmulatorProcess.start(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        if (emulator != null) {
            emulator.close();
        }
    }

    private record Run(int exit, String output) {
    }

    private static Run runProgram(String account, List<String> flags) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flags);
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add(TwilioJavaThroughProxy.class.getName());
        command.add(account);
        command.add("token-of-" + account);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the twilio-java program did not end within 120 s");
        }
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void aReleaseThroughTwilioJavaLandsInFlexConf() throws Exception {
        String account = ToolsFixture.newAccount();
        List<String> flags = new ArrayList<>();
        emulator.proxySetup().get("java_flags").forEach(flag -> flags.add(flag.asText()));
        Run run = runProgram(account, flags);
        assertEquals(0, run.exit(), run.output());
        JsonNode active = emulator.get(account, "/v1/PluginService/Releases/Active");
        assertTrue(run.output().contains("active=" + active.get("configuration_sid").asText()), run.output());
        assertTrue(run.output().contains("url=https://flex-api.twilio.com/v1/PluginService/Configurations/"), run.output());
        assertEquals("Made by twilio-java", emulator.get(account, "/v1/PluginService/Plugins/java-made").get("friendly_name").asText());
    }

    @Test
    void withoutTheFlagsTwilioJavaDoesNotReachFlexConf() throws Exception {
        String account = ToolsFixture.newAccount();
        Run run = runProgram(account, List.of());
        assertNotEquals(0, run.exit(), run.output());
        assertEquals(0, emulator.get(account, "/v1/PluginService/Plugins").get("plugins").size());
    }
}

package dev.flexconf.conformance.tools;

import dev.flexconf.server.testkit.Http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a test class of Twilio's Node tools runs against, registered as a static extension: FlexConf's
 * jar as a process, the stand-in npm registry, and twilio-cli pointed at both through the front door
 * (with the Flex Plugins CLI linked in when asked), all in a temporary folder removed after the class.
 * Not thread-safe.
 */
final class ToolsFixture implements BeforeAllCallback, AfterAllCallback {
    private final boolean linkFlexPlugins;
    private Path dir;
    private StandInRegistry registry;
    EmulatorProcess emulator;
    TwilioCli twilio;

    /** @param linkFlexPlugins whether to link the Flex Plugins CLI into twilio-cli's home */
    ToolsFixture(boolean linkFlexPlugins) {
        this.linkFlexPlugins = linkFlexPlugins;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("flexconf-tools");
        emulator = EmulatorProcess.start(dir);
        registry = new StandInRegistry(TwilioCli.installed().resolve("node_modules"));
        twilio = TwilioCli.throughFlexConf(emulator, registry, Files.createDirectories(dir.resolve("home")));
        if (linkFlexPlugins) {
            twilio.linkFlexPlugins();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (registry != null) {
            registry.close();
        }
        if (emulator != null) {
            emulator.close();
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a leftover temporary folder is harmless
        }
    }

    /** A fresh account, so that tests never share state. */
    static String newAccount() {
        return Http.newAccount();
    }
}

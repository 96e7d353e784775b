package dev.flexconf.conformance.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * What a test class of Twilio's Node tools runs against: FlexConf's jar as a process, the stand-in npm
 * registry, and twilio-cli pointed at both through the front door, all under {@code dir}. Closed after
 * the class. Not thread-safe.
 */
final class ToolsFixture implements AutoCloseable {
    final EmulatorProcess emulator;
    final StandInRegistry registry;
    final TwilioCli twilio;

    private ToolsFixture(EmulatorProcess emulator, StandInRegistry registry, TwilioCli twilio) {
        this.emulator = emulator;
        this.registry = registry;
        this.twilio = twilio;
    }

    static ToolsFixture start(Path dir) throws Exception {
        EmulatorProcess emulator = EmulatorProcess.start(dir);
        try {
            StandInRegistry registry = new StandInRegistry(TwilioCli.installed().resolve("node_modules"));
            return new ToolsFixture(emulator, registry,
                    TwilioCli.throughFlexConf(emulator, registry, Files.createDirectories(dir.resolve("home"))));
        } catch (Exception | Error e) {
            emulator.close();
            throw e;
        }
    }

    /** A fresh account, so that tests never share state. */
    static String newAccount() {
        return "AC" + UUID.randomUUID().toString().replace("-", "");
    }

    @Override
    public void close() throws InterruptedException {
        registry.close();
        emulator.close();
    }
}

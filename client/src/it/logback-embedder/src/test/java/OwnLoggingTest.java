import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.read.ListAppender;
import dev.flexconf.server.FlexConfServer;
import dev.flexconf.server.ServerOptions;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** FlexConf as a library leaves the user's logging alone: Logback is the binding, FlexConf's lines go through it. */
class OwnLoggingTest {
    @Test
    void logbackIsTheBindingAndNeitherSlf4jSimpleNorPicocliIsOnTheClasspath() {
        assertInstanceOf(LoggerContext.class, LoggerFactory.getILoggerFactory());
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.slf4j.simple.SimpleLogger"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("picocli.CommandLine"));
    }

    @Test
    void flexConfsStartLineGoesThroughTheUsersLogbackConfiguration() {
        try (FlexConfServer server = FlexConfServer.start(ServerOptions.ephemeral())) {
            LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
            @SuppressWarnings("unchecked")
            ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> captured = (ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>)
                    context.getLogger("dev.flexconf").getAppender("CAPTURED");
            assertTrue(captured.list.stream().anyMatch(e -> e.getFormattedMessage().contains("listening on " + server.url())),
                    "FlexConf's start line reached the user's appender");
        }
    }
}

package dev.flexconf.client.junit;

import dev.flexconf.client.FlexConfApi;
import dev.flexconf.client.FlexConfClient;
import dev.flexconf.server.FlexConfServer;
import dev.flexconf.server.ServerOptions;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit 5 extension behind {@link FlexConfTest}; also usable with {@code @RegisterExtension} and
 * options of one's own:
 * <pre>{@code
 * @RegisterExtension
 * static FlexConfExtension flexconf = new FlexConfExtension(ServerOptions.ephemeral().withLogRequests(true));
 * }</pre>
 * Each test class gets its own emulator (stored in the class's extension context, closed with it).
 * Thread-safe as JUnit uses it: one instance may serve classes running in parallel.
 */
public final class FlexConfExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FlexConfExtension.class);

    private final ServerOptions options;
    private final Boolean resetBetweenTests;

    /** Default options: an ephemeral port and a private in-memory database; reset as the annotation says. */
    public FlexConfExtension() {
        this(ServerOptions.ephemeral(), null);
    }

    /** The given options (their port and host are used as given: 0 for an ephemeral port); resets between tests. */
    public FlexConfExtension(ServerOptions options) {
        this(options, true);
    }

    private FlexConfExtension(ServerOptions options, Boolean resetBetweenTests) {
        this.options = options;
        this.resetBetweenTests = resetBetweenTests;
    }

    /** The running emulator and its credentials, held by a class's extension context. */
    private record Running(FlexConfRuntimeInfo info, FlexConfClient client) implements AutoCloseable {
        @Override
        public void close() {
            info.server().close();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).getOrComputeIfAbsent(Running.class, k -> start(), Running.class);
    }

    private Running start() {
        FlexConfServer server = FlexConfServer.start(options);
        String account = "AC" + UUID.randomUUID().toString().replace("-", "");
        FlexConfRuntimeInfo info = new FlexConfRuntimeInfo(server.url(), account, "token-" + UUID.randomUUID(), server);
        return new Running(info, info.client());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (resets(context)) {
            running(context).info().server().reset();
        }
    }

    private boolean resets(ExtensionContext context) {
        if (resetBetweenTests != null) {
            return resetBetweenTests;
        }
        Optional<Class<?>> type = context.getTestClass();
        while (type.isPresent()) {
            FlexConfTest annotation = type.get().getAnnotation(FlexConfTest.class);
            if (annotation != null) {
                return annotation.resetBetweenTests();
            }
            type = Optional.ofNullable(type.get().getEnclosingClass());
        }
        return true;
    }

    private static Running running(ExtensionContext context) {
        Running running = context.getStore(NAMESPACE).get(Running.class, Running.class);
        if (running == null) {
            throw new IllegalStateException("FlexConf was not started: use @FlexConfTest or a static @RegisterExtension field");
        }
        return running;
    }

    /** This class's emulator, for {@code @RegisterExtension} users. */
    public FlexConfRuntimeInfo info(ExtensionContext context) {
        return running(context).info();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == FlexConfRuntimeInfo.class || type == FlexConfClient.class || type == FlexConfApi.class
                || type == FlexConfServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Running running = running(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == FlexConfRuntimeInfo.class) {
            return running.info();
        }
        if (type == FlexConfClient.class) {
            return running.client();
        }
        if (type == FlexConfApi.class) {
            return running.client().api();
        }
        return running.info().server();
    }
}

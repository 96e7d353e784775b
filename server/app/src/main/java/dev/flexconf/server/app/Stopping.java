package dev.flexconf.server.app;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * How the standalone server answers SIGTERM and SIGINT: the first runs {@code first} (which starts a
 * graceful stop and must return at once); a second, while that stop drains, ends the process at once with
 * exit code 128 + the signal's number. Where the JVM does not let a handler be installed ({@code -Xrs}),
 * its own handling stays: a signal runs the shutdown hooks. Installed once, by {@link Main}.
 */
final class Stopping {
    private Stopping() {
    }

    static void onSignals(Runnable first) {
        AtomicInteger received = new AtomicInteger();
        SignalHandler handler = signal -> {
            if (received.getAndIncrement() == 0) {
                System.err.println("flexconf-server: SIG" + signal.getName() + ": stopping; requests in flight get up to "
                        + dev.flexconf.server.FlexConfServer.DRAIN.toSeconds() + " s to finish (signal again to stop at once)");
                first.run();
            } else {
                System.err.println("flexconf-server: SIG" + signal.getName() + " again: stopping at once");
                Runtime.getRuntime().halt(128 + signal.getNumber());
            }
        };
        for (String name : List.of("TERM", "INT")) {
            try {
                Signal.handle(new Signal(name), handler);
            } catch (IllegalArgumentException e) {
                // -Xrs, or the signal is taken: the shutdown hook still stops the server gracefully
            }
        }
    }
}

package dev.flexconf.client.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flexconf.client.FlexConfApi;
import dev.flexconf.server.FlexConfServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What {@link ParallelFirstTest} and {@link ParallelSecondTest} check while they run at the same time
 * (junit-platform.properties runs classes concurrently): each has its own emulator, on its own port,
 * and neither sees what the other wrote.
 */
final class ParallelIsolation {
    private static final Map<String, Integer> PORTS = new ConcurrentHashMap<>();
    private static final CountDownLatch BOTH_WROTE = new CountDownLatch(2);

    private ParallelIsolation() {
    }

    static void check(String name, FlexConfServer server, FlexConfApi api) throws Exception {
        PORTS.put(name, server.port());
        api.createPluginConfiguration(name, null, List.of(), null);
        BOTH_WROTE.countDown();
        assertTrue(BOTH_WROTE.await(30, TimeUnit.SECONDS), "the other class did not run alongside");
        assertEquals(List.of(name), api.listPluginConfiguration(null, null, null, null).getConfigurations()
                .stream().map(c -> c.getName()).toList());
        assertNotEquals(PORTS.get("first"), PORTS.get("second"));
    }
}

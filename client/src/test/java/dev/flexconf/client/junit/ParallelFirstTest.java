package dev.flexconf.client.junit;

import dev.flexconf.client.FlexConfApi;
import dev.flexconf.server.FlexConfServer;
import org.junit.jupiter.api.Test;

/** One of two classes that run at the same time; see {@link ParallelIsolation}. */
@FlexConfTest
class ParallelFirstTest {
    @Test
    void ownsItsEmulator(FlexConfServer server, FlexConfApi api) throws Exception {
        ParallelIsolation.check("first", server, api);
    }
}

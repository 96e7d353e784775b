package dev.flexconf.client.junit;

import dev.flexconf.client.FlexConfApi;
import dev.flexconf.server.FlexConfServer;
import org.junit.jupiter.api.Test;

/** One of two classes that run at the same time; see {@link ParallelIsolation}. */
@FlexConfTest
class ParallelSecondTest {
    @Test
    void ownsItsEmulator(FlexConfServer server, FlexConfApi api) throws Exception {
        ParallelIsolation.check("second", server, api);
    }
}

package dev.flexconf.client.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flexconf.client.FlexConfApi;
import dev.flexconf.client.invoker.ApiException;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** With the default, each test starts from an empty emulator. */
@FlexConfTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FlexConfTestResetTest {

    @Test
    @Order(1)
    void aTestCreatesAConfiguration(FlexConfApi api) throws ApiException {
        api.createPluginConfiguration("made in test 1", null, List.of(), null);
        assertEquals(1, api.listPluginConfiguration(null, null, null, null).getConfigurations().size());
    }

    @Test
    @Order(2)
    void theNextTestStartsEmpty(FlexConfApi api) throws ApiException {
        assertEquals(0, api.listPluginConfiguration(null, null, null, null).getConfigurations().size());
    }
}

package dev.flexconf.client.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flexconf.client.FlexConfApi;
import dev.flexconf.client.invoker.ApiException;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** With resetBetweenTests = false, state carries from test to test within the class. */
@FlexConfTest(resetBetweenTests = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FlexConfTestKeepStateTest {

    @Test
    @Order(1)
    void aTestCreatesAConfiguration(FlexConfApi api) throws ApiException {
        api.createPluginConfiguration("kept", null, List.of(), null);
    }

    @Test
    @Order(2)
    void theNextTestStillSeesIt(FlexConfApi api) throws ApiException {
        assertEquals(List.of("kept"), api.listPluginConfiguration(null, null, null, null).getConfigurations()
                .stream().map(c -> c.getName()).toList());
    }
}

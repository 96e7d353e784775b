import dev.flexconf.client.FlexConfApi;
import dev.flexconf.client.TwilioApiException;
import dev.flexconf.client.junit.FlexConfRuntimeInfo;
import dev.flexconf.client.junit.FlexConfTest;
import dev.flexconf.model.PluginConfiguration;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.*;

@FlexConfTest
class DeployScriptTest {
    @Test
    void releasesTheNewConfiguration(FlexConfApi api, FlexConfRuntimeInfo flexconf) throws Exception {
        // seed a realistic account in one call instead of a chain of POSTs
        flexconf.server().seed("""
            {"account_sid": "%s",
             "plugins": [{"unique_name": "crm", "versions": [
                 {"version": "1.0.0", "plugin_url": "https://example.com/crm-1.0.0.js"}]}],
             "configurations": [{"name": "live", "plugins": [{"unique_name": "crm", "version": "1.0.0"}]}],
             "releases": [{"configuration_name": "live"}]}""".formatted(flexconf.accountSid()));

        PluginConfiguration next = api.createPluginConfiguration("next", null, List.of(), null);
        api.createPluginRelease(next.getSid(), null);    // your code under test would do this

        assertEquals(next.getSid(), api.fetchActivePluginRelease(null).getConfigurationSid());
        TwilioApiException e = assertThrows(TwilioApiException.class,
                () -> api.fetchPluginConfiguration("FJ00000000000000000000000000000000", null));
        assertEquals(20404, e.getTwilioCode());
    }
}

package dev.flexconf.client.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.flexapi.v1.Plugin;
import dev.flexconf.client.FlexConfApi;
import org.junit.jupiter.api.Test;

/** twilio-java, unmodified, against the extension's emulator as https://flex-api.twilio.com, set up in one line. */
@FlexConfTest
class TwilioJavaThroughTheExtensionTest {

    @Test
    void twilioJavaReachesTheEmulatorWithOneLineAndNoGlobalProperty(FlexConfRuntimeInfo flexconf, FlexConfApi api) throws Exception {
        TwilioRestClient twilio = new TwilioRestClient.Builder(flexconf.accountSid(), flexconf.authToken())
                .httpClient(new NetworkHttpClient(TwilioJava.httpClientBuilder(flexconf))).build();

        Plugin plugin = Plugin.creator("from-twilio-java").setFriendlyName("twilio-java").create(twilio);

        assertTrue(plugin.getUrl().toString().startsWith("https://flex-api.twilio.com/v1/PluginService/Plugins/FP"), plugin.getUrl().toString());
        assertEquals("twilio-java", api.fetchPlugin("from-twilio-java", null).getFriendlyName());
        assertNull(System.getProperty("https.proxyHost"));
        assertNull(System.getProperty("javax.net.ssl.trustStore"));
    }
}

package dev.flexconf.conformance.tools;

import com.twilio.http.TwilioRestClient;
import com.twilio.rest.flexapi.v1.Plugin;
import com.twilio.rest.flexapi.v1.PluginConfiguration;
import com.twilio.rest.flexapi.v1.PluginRelease;
import com.twilio.rest.flexapi.v1.plugin.PluginVersions;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * A twilio-java program as a user writes it, with nothing FlexConf-specific in it: the default
 * {@link TwilioRestClient}, which goes to {@code https://flex-api.twilio.com}. Started by
 * {@link TwilioJavaTest} in a JVM of its own whose only FlexConf settings are the system properties
 * FlexConf advertises. Prints {@code configuration=FJ… active=FJ…} and exits 0 when the release worked.
 */
public final class TwilioJavaThroughProxy {
    private TwilioJavaThroughProxy() {
    }

    public static void main(String[] args) {
        TwilioRestClient client = new TwilioRestClient.Builder(args[0], args[1]).build();
        Plugin plugin = Plugin.creator("java-made").setFriendlyName("Made by twilio-java").create(client);
        PluginVersions version = PluginVersions.creator(plugin.getSid(), "1.0.0", URI.create("https://example.com/java-made/1.0.0/bundle.js"))
                .create(client);
        PluginConfiguration configuration = PluginConfiguration.creator("java")
                .setPlugins(List.of(Map.of("plugin_version", version.getSid(), "phase", 3))).create(client);
        PluginRelease.creator(configuration.getSid()).create(client);
        String active = PluginRelease.fetcher("Active").fetch(client).getConfigurationSid();
        System.out.println("configuration=" + configuration.getSid() + " active=" + active + " url=" + configuration.getUrl());
        System.exit(active.equals(configuration.getSid()) ? 0 : 1);
    }
}

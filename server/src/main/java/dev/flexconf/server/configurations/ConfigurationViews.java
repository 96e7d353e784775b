package dev.flexconf.server.configurations;

import dev.flexconf.model.ConfiguredPlugin;
import dev.flexconf.model.PluginConfiguration;
import dev.flexconf.model.PluginConfigurationArchive;
import dev.flexconf.model.PluginConfigurationLinks;
import dev.flexconf.server.http.Dates;
import dev.flexconf.server.http.Json;
import dev.flexconf.server.store.ConfigurationStore.ConfigurationRow;
import dev.flexconf.server.store.ConfigurationStore.ConfiguredPluginRow;
import java.net.URI;

/** Configurations and configured plugins as the wire shows them. Stateless. */
public final class ConfigurationViews {
    private ConfigurationViews() {
    }

    private static String url(String base, String sid) {
        return base + "/v1/PluginService/Configurations/" + sid;
    }

    public static PluginConfiguration configuration(ConfigurationRow row, String base) {
        String url = url(base, row.sid());
        return new PluginConfiguration()
                .sid(row.sid())
                .accountSid(row.accountSid())
                .name(row.name())
                .description(row.description())
                .archived(row.archived())
                .dateCreated(Dates.of(row.dateCreated()))
                .url(URI.create(url))
                .links(new PluginConfigurationLinks().plugins(URI.create(url + "/Plugins")));
    }

    /** The archive answer: the configuration's fields (one mapping: {@link #configuration}), its URL the archive's own. */
    static PluginConfigurationArchive archive(ConfigurationRow row, String base) {
        return Json.MAPPER.convertValue(configuration(row, base), PluginConfigurationArchive.class)
                .url(URI.create(url(base, row.sid()) + "/Archive"));
    }

    public static ConfiguredPlugin configuredPlugin(ConfiguredPluginRow row, String base) {
        return new ConfiguredPlugin()
                .accountSid(row.accountSid())
                .configurationSid(row.configurationSid())
                .pluginSid(row.pluginSid())
                .pluginVersionSid(row.pluginVersionSid())
                .phase(row.phase())
                .pluginUrl(row.pluginUrl())
                .uniqueName(row.uniqueName())
                .friendlyName(row.friendlyName())
                .description(row.description())
                .pluginArchived(row.pluginArchived())
                .version(row.version())
                .changelog(row.changelog())
                .pluginVersionArchived(row.pluginVersionArchived())
                ._private(row.isPrivate())
                .dateCreated(Dates.of(row.dateCreated()))
                .url(URI.create(url(base, row.configurationSid()) + "/Plugins/" + row.pluginSid()));
    }
}

package dev.flexconf.server.plugins;

import dev.flexconf.model.Plugin;
import dev.flexconf.model.PluginArchive;
import dev.flexconf.model.PluginLinks;
import dev.flexconf.server.http.Dates;
import dev.flexconf.server.http.Json;
import dev.flexconf.server.store.PluginStore.PluginRow;
import java.net.URI;

/** Plugins as the wire shows them. Stateless. */
public final class PluginViews {
    private PluginViews() {
    }

    static String url(String base, String sid) {
        return base + "/v1/PluginService/Plugins/" + sid;
    }

    public static Plugin plugin(PluginRow row, String base) {
        String url = url(base, row.sid());
        return new Plugin()
                .sid(row.sid())
                .accountSid(row.accountSid())
                .uniqueName(row.uniqueName())
                .friendlyName(row.friendlyName())
                .description(row.description())
                .archived(row.archived())
                .dateCreated(Dates.of(row.dateCreated()))
                .dateUpdated(Dates.of(row.dateUpdated()))
                .url(URI.create(url))
                .links(new PluginLinks().pluginVersions(URI.create(url + "/Versions")));
    }

    /** The archive answer: the plugin's fields (one mapping: {@link #plugin}), its URL the archive's own. */
    static PluginArchive archive(PluginRow row, String base) {
        return Json.MAPPER.convertValue(plugin(row, base), PluginArchive.class)
                .url(URI.create(url(base, row.sid()) + "/Archive"));
    }
}

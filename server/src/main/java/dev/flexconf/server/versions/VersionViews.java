package dev.flexconf.server.versions;

import dev.flexconf.model.PluginVersion;
import dev.flexconf.model.PluginVersionArchive;
import dev.flexconf.server.http.Dates;
import dev.flexconf.server.http.Json;
import dev.flexconf.server.store.VersionStore.VersionRow;
import java.net.URI;

/** Plugin versions as the wire shows them. Stateless. */
public final class VersionViews {
    private VersionViews() {
    }

    private static URI url(String base, VersionRow row) {
        return URI.create(base + "/v1/PluginService/Plugins/" + row.pluginSid() + "/Versions/" + row.sid());
    }

    public static PluginVersion version(VersionRow row, String base) {
        return new PluginVersion()
                .sid(row.sid())
                .pluginSid(row.pluginSid())
                .accountSid(row.accountSid())
                .version(row.version())
                .pluginUrl(URI.create(row.pluginUrl()))
                .changelog(row.changelog())
                ._private(row.isPrivate())
                .archived(row.archived())
                .validated(PluginVersions.isValidated(row.validateStatus()))
                .dateCreated(Dates.of(row.dateCreated()))
                .url(url(base, row));
    }

    /** The archive answer: the version's fields (one mapping: {@link #version}), its URL the archive's own. */
    static PluginVersionArchive archive(VersionRow row, String base) {
        return Json.MAPPER.convertValue(version(row, base), PluginVersionArchive.class)
                .url(URI.create(url(base, row) + "/Archive"));
    }
}

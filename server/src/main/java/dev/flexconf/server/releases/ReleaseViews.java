package dev.flexconf.server.releases;

import dev.flexconf.model.PluginRelease;
import dev.flexconf.server.http.Dates;
import dev.flexconf.server.store.ReleaseStore.ReleaseRow;
import java.net.URI;

/** Releases as the wire shows them. Stateless. */
public final class ReleaseViews {
    private ReleaseViews() {
    }

    public static PluginRelease release(ReleaseRow row, String base) {
        return new PluginRelease()
                .sid(row.sid())
                .accountSid(row.accountSid())
                .configurationSid(row.configurationSid())
                .dateCreated(Dates.of(row.dateCreated()))
                .url(URI.create(base + "/v1/PluginService/Releases/" + row.sid()));
    }
}

package dev.flexconf.server.releases;

import dev.flexconf.model.ListPluginReleaseResponse;
import dev.flexconf.model.PluginRelease;
import dev.flexconf.server.archiving.Archiving;
import dev.flexconf.server.http.BaseUrl;
import dev.flexconf.server.http.BasicAuth;
import dev.flexconf.server.http.Dates;
import dev.flexconf.server.http.Form;
import dev.flexconf.server.http.Json;
import dev.flexconf.server.http.Operations;
import dev.flexconf.server.http.Paging;
import dev.flexconf.server.http.PathSids;
import dev.flexconf.server.http.TwilioException;
import dev.flexconf.server.store.ConfigurationStore;
import dev.flexconf.server.store.ConfigurationStore.ConfigurationRow;
import dev.flexconf.server.store.Database;
import dev.flexconf.server.store.ReleaseStore;
import dev.flexconf.server.store.ReleaseStore.ReleaseRow;
import dev.flexconf.server.store.Sids;
import io.javalin.http.Context;
import java.net.URI;

/**
 * {@code /v1/PluginService/Releases}: a release activates a configuration; the newest release is the
 * active one ({@code Releases/Active}), and the list, newest first, is the audit trail. Rolling back is
 * releasing an older configuration again. Thread-safe.
 */
public final class ReleaseResource {
    private static final String PATH = "/v1/PluginService/Releases";

    private final Database db;
    private final Paging paging;
    private final BaseUrl baseUrl;

    public ReleaseResource(Database db, Paging paging, BaseUrl baseUrl) {
        this.db = db;
        this.paging = paging;
        this.baseUrl = baseUrl;
    }

    public void register(Operations operations) {
        operations.get("ListPluginRelease", PATH, this::list);
        operations.post("CreatePluginRelease", PATH, this::create);
        operations.get("FetchActivePluginRelease", PATH + "/Active", this::active);
        operations.get("FetchPluginRelease", PATH + "/{Sid}", this::fetch);
    }

    private void create(Context ctx) {
        String account = BasicAuth.account(ctx);
        String configurationSid = Form.of(ctx).required("ConfigurationId");
        if (!Sids.isSid("FJ", configurationSid)) {
            throw TwilioException.invalidParameter("ConfigurationId", "must be a configuration sid (FJ followed by 32 hex digits)");
        }
        ReleaseRow row = db.write(h -> {
            ConfigurationRow configuration = ConfigurationStore.find(h, account, configurationSid)
                    .orElseThrow(() -> TwilioException.invalidParameter("ConfigurationId",
                            "configuration " + configurationSid + " was not found"));
            Archiving.requireUsable("Configuration", configuration.sid(), configuration.archived());
            Archiving.requireReleasable(h, configuration.sid());
            return ReleaseStore.insert(h, account, configuration.sid(), Dates.now());
        });
        Json.respond(ctx, 201, view(row, baseUrl.of(ctx)));
    }

    private void fetch(Context ctx) {
        ReleaseRow row = PathSids.require(ctx, "Sid", "FK", sid -> db.read(h -> ReleaseStore.find(h, BasicAuth.account(ctx), sid)));
        Json.respond(ctx, 200, view(row, baseUrl.of(ctx)));
    }

    private void active(Context ctx) {
        ReleaseRow row = db.read(h -> ReleaseStore.active(h, BasicAuth.account(ctx)))
                .orElseThrow(() -> TwilioException.notFound(ctx.path()));
        Json.respond(ctx, 200, view(row, baseUrl.of(ctx)));
    }

    private void list(Context ctx) {
        String account = BasicAuth.account(ctx);
        String base = baseUrl.of(ctx);
        Paging.Page<ReleaseRow> page = db.read(h -> paging.page(ctx, "releases", k -> ReleaseStore.list(h, account, k)));
        Json.respond(ctx, 200, new ListPluginReleaseResponse()
                .releases(page.items().stream().map(r -> view(r, base)).toList())
                .meta(page.meta()));
    }

    /** A release as the wire shows it. */
    public static PluginRelease view(ReleaseRow row, String base) {
        return new PluginRelease()
                .sid(row.sid())
                .accountSid(row.accountSid())
                .configurationSid(row.configurationSid())
                .dateCreated(Dates.of(row.dateCreated()))
                .url(URI.create(base + PATH + "/" + row.sid()));
    }
}

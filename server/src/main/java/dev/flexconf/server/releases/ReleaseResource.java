package dev.flexconf.server.releases;

import dev.flexconf.model.ListPluginReleaseResponse;
import dev.flexconf.server.http.BaseUrl;
import dev.flexconf.server.http.BasicAuth;
import dev.flexconf.server.http.Form;
import dev.flexconf.server.http.Json;
import dev.flexconf.server.http.Operations;
import dev.flexconf.server.http.Paging;
import dev.flexconf.server.store.ReleaseStore.ReleaseRow;
import io.javalin.http.Context;

/** {@code /v1/PluginService/Releases}: the HTTP side of {@link Releases}. Thread-safe. */
public final class ReleaseResource {
    private static final String PATH = "/v1/PluginService/Releases";

    private final Releases releases;
    private final Paging paging;
    private final BaseUrl baseUrl;

    public ReleaseResource(Releases releases, Paging paging, BaseUrl baseUrl) {
        this.releases = releases;
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
        ReleaseRow row = releases.create(BasicAuth.account(ctx), Form.of(ctx).required("ConfigurationId"));
        Json.respond(ctx, 201, ReleaseViews.release(row, baseUrl.of(ctx)));
    }

    private void fetch(Context ctx) {
        Json.respond(ctx, 200, ReleaseViews.release(releases.find(BasicAuth.account(ctx), ctx.pathParam("Sid")), baseUrl.of(ctx)));
    }

    private void active(Context ctx) {
        Json.respond(ctx, 200, ReleaseViews.release(releases.active(BasicAuth.account(ctx)), baseUrl.of(ctx)));
    }

    private void list(Context ctx) {
        Paging.Page<ReleaseRow> page = releases.page(BasicAuth.account(ctx), paging.request(ctx, "releases"));
        String base = baseUrl.of(ctx);
        Json.respond(ctx, 200, new ListPluginReleaseResponse()
                .releases(page.items().stream().map(r -> ReleaseViews.release(r, base)).toList())
                .meta(page.meta()));
    }
}

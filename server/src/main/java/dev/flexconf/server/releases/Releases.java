package dev.flexconf.server.releases;

import dev.flexconf.server.archiving.Archiving;
import dev.flexconf.server.http.Dates;
import dev.flexconf.server.http.Paging;
import dev.flexconf.server.http.TwilioException;
import dev.flexconf.server.store.ConfigurationStore.ConfigurationRow;
import dev.flexconf.server.store.Database;
import dev.flexconf.server.store.ReleaseStore.ReleaseRow;
import dev.flexconf.server.store.Sids;

/**
 * The releases of an account, and every rule of them: a release activates a configuration of the same
 * account that is releasable (not archived, holding nothing archived); the newest release is the active
 * one, and the list, newest first, is the audit trail; rolling back is releasing an older
 * configuration again. Thread-safe.
 */
public final class Releases {
    private final Database db;

    public Releases(Database db) {
        this.db = db;
    }

    /** Releases configuration {@code configurationSid}, given as parameter {@code ConfigurationId}. */
    public ReleaseRow create(String account, String configurationSid) {
        Sids.require("ConfigurationId", "FJ", configurationSid);
        return db.write(h -> {
            ConfigurationRow configuration = db.configurations().find(h, account, configurationSid)
                    .orElseThrow(() -> TwilioException.invalidParameter("ConfigurationId",
                            "configuration " + configurationSid + " was not found"));
            Archiving.requireUsable("Configuration", configuration.sid(), configuration.archived());
            Archiving.requireReleasable(db, h, configuration.sid());
            return db.releases().insert(h, account, configuration.sid(), Dates.now());
        });
    }

    /** The release {@code id} of {@code account}; else a 404 (also for an identifier not shaped like an FK sid). */
    public ReleaseRow find(String account, String id) {
        return Sids.lookUp("FK", id, sid -> db.read(h -> db.releases().find(h, account, sid))).orElseThrow(TwilioException::notFound);
    }

    /** The active release of {@code account}: its newest; else a 404. */
    public ReleaseRow active(String account) {
        return db.read(h -> db.releases().active(h, account)).orElseThrow(TwilioException::notFound);
    }

    public Paging.Page<ReleaseRow> page(String account, Paging.Request request) {
        return db.read(h -> request.read(k -> db.releases().list(h, account, k)));
    }
}

package dev.flexconf.server.store;

import dev.flexconf.server.store.ConfigurationStore.ConfigurationRow;
import dev.flexconf.server.store.ConfigurationStore.Entry;
import dev.flexconf.server.store.PluginStore.PluginRow;
import dev.flexconf.server.store.ReleaseStore.ReleaseRow;
import dev.flexconf.server.store.VersionStore.VersionRow;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * SQL that loads whole rows, every column given (sids, dates, flags), in batches: the seeding path. Rows are the stores' own records (their {@code seq} unused).
 * One implementation per storage engine; every method runs on the caller's handle, in the caller's
 * transaction. Implementations are stateless and thread-safe.
 */
public interface SeedStore {
    /** A configuration row to load, with its entries. */
    record NewConfiguration(ConfigurationRow row, List<Entry> entries) {
    }

    void plugins(Handle h, List<PluginRow> rows);

    void versions(Handle h, List<VersionRow> rows);

    void configurations(Handle h, List<NewConfiguration> rows);

    void releases(Handle h, List<ReleaseRow> rows);

    /** Whether a row of {@code table} already has sid {@code sid} (in any account). */
    boolean sidTaken(Handle h, String table, String sid);
}

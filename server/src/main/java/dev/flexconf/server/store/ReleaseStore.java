package dev.flexconf.server.store;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Releases' SQL. The active release of an account is its newest.
 * One implementation per storage engine; every method runs on the caller's handle, in the caller's
 * transaction. Implementations are stateless and thread-safe.
 */
public interface ReleaseStore {
    /** A stored release; dates are epoch seconds. */
    record ReleaseRow(long seq, String sid, String accountSid, String configurationSid, long dateCreated)
            implements Sequenced {
    }

    Optional<ReleaseRow> find(Handle h, String account, String sid);

    Optional<ReleaseRow> active(Handle h, String account);

    List<ReleaseRow> list(Handle h, String account, Keyset keyset);

    ReleaseRow insert(Handle h, String account, String configurationSid, long now);

    /** Whether the active release of {@code account} contains the plugin or plugin version {@code sid}. */
    boolean activeContains(Handle h, String account, String pluginOrVersionSid);

    /** Whether the active release of {@code account} is of configuration {@code configurationSid}. */
    boolean isActive(Handle h, String account, String configurationSid);
}

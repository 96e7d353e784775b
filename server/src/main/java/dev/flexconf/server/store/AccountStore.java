package dev.flexconf.server.store;

import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * SQL over whole accounts: which accounts hold state, and deleting accounts' resources, children first.
 * One implementation per storage engine; every method runs on the caller's handle, in the caller's
 * transaction. Implementations are stateless and thread-safe.
 */
public interface AccountStore {
    /** An account that holds state, and how much. */
    record SummaryRow(String account, long plugins, long configurations, long releases) {
    }

    /** Every account holding a plugin, a configuration or a release, by account sid. */
    List<SummaryRow> summaries(Handle h);

    /** Deletes every resource of {@code account}, or of every account when it is null. */
    void reset(Handle h, String account);
}

package dev.flexconf.server.store;

import org.jdbi.v3.core.Handle;

/**
 * SQL that deletes accounts' resources, children first.
 * One implementation per storage engine; every method runs on the caller's handle, in the caller's
 * transaction. Implementations are stateless and thread-safe.
 */
public interface ResetStore {
    /** Deletes every resource of {@code account}, or of every account when it is null. */
    void reset(Handle h, String account);
}

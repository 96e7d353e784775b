package dev.flexconf.server.store;

/**
 * The engine could not write: its disk is full, or failing. Nothing of the failed write was kept; the
 * database stays usable for reads and takes writes again once the disk does. Engines throw it for
 * their own storage errors, so the HTTP layer can answer 507 or 503 without knowing the engine.
 */
public final class StorageUnavailable extends RuntimeException {
    private final boolean full;

    public StorageUnavailable(boolean full, String message, Throwable cause) {
        super(message, cause);
        this.full = full;
    }

    /** Whether the disk is full (rather than failing otherwise). */
    public boolean full() {
        return full;
    }
}

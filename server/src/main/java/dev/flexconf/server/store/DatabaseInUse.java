package dev.flexconf.server.store;

/** A start refused because another FlexConf holds the database: one process per database. */
public final class DatabaseInUse extends IllegalStateException {
    public DatabaseInUse(String message) {
        super(message);
    }
}

package dev.flexconf.server;

/**
 * A start of {@link FlexConfServer} that failed, and at which step: its message is one line that says
 * why and what to do; nothing the start made is left behind. The runnable jar exits with a code per
 * {@link Step}. Immutable.
 */
public final class StartException extends IllegalStateException {
    /** Where a start failed. */
    public enum Step {
        /** The database was refused: not a FlexConf database, newer, damaged, read-only. */
        DATABASE,
        /** Another FlexConf holds the database file. */
        DATABASE_IN_USE,
        /** The front door's CA folder was refused. */
        CERTIFICATE_AUTHORITY,
        /** The address could not be listened on (a port in use, say). */
        LISTEN
    }

    private final Step step;

    StartException(Step step, RuntimeException cause) {
        super(cause.getMessage() == null ? cause.toString() : cause.getMessage(), cause);
        this.step = step;
    }

    public Step step() {
        return step;
    }
}

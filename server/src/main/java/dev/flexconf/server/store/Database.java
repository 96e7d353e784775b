package dev.flexconf.server.store;

import org.jdbi.v3.core.HandleCallback;

/**
 * The storage seam: one implementation per engine (SQLite's is {@code store.sqlite.SqliteDatabase}).
 * It runs transactions and hands out its engine's stores, which own every statement; the domain
 * above it names neither an engine nor SQL. A new engine is a new implementation of this and of the
 * store interfaces, plus its own migrations.
 *
 * <p>Contract: {@link #read} runs its work in one read transaction that sees one snapshot, holding every
 * write committed before it began; {@link #write} runs its work alone among writers and returns once it
 * is committed, and when the work throws nothing of it is kept. Implementations are thread-safe; the
 * owner closes them.
 */
public interface Database extends AutoCloseable {
    /** What the database is, for logs: a path, {@code :memory:}, a URL without credentials. */
    String description();

    <R> R read(HandleCallback<R, RuntimeException> work);

    <R> R write(HandleCallback<R, RuntimeException> work);

    /** The random secret page tokens are signed with, made once and kept in the database. */
    byte[] secret();

    /**
     * Whether other processes may write this database (replicas of a shared FlexConf): then nothing read
     * from it may be kept past its transaction, since a change by another process is told to nobody here.
     */
    boolean shared();

    PluginStore plugins();

    VersionStore versions();

    ConfigurationStore configurations();

    ReleaseStore releases();

    SeedStore seeds();

    AccountStore accounts();

    FlexConfigurationStore flexConfigurations();

    @Override
    void close();
}

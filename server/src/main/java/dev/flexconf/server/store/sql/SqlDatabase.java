package dev.flexconf.server.store.sql;

import dev.flexconf.server.store.AccountStore;
import dev.flexconf.server.store.ConfigurationStore;
import dev.flexconf.server.store.Database;
import dev.flexconf.server.store.FlexConfigurationStore;
import dev.flexconf.server.store.PluginStore;
import dev.flexconf.server.store.ReleaseStore;
import dev.flexconf.server.store.SeedStore;
import dev.flexconf.server.store.VersionStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.IntFunction;
import org.jdbi.v3.core.Handle;

/**
 * What the engines share: the stores of this package, whose SQL runs on each, the page-token secret kept
 * in the {@code setting} table, and reading a migration script. An engine adds how it connects, runs
 * reads and writes, migrates and fails. Thread-safe.
 */
public abstract class SqlDatabase implements Database {
    private static final PluginStore PLUGINS = new SqlPluginStore();
    private static final VersionStore VERSIONS = new SqlVersionStore();
    private static final ConfigurationStore CONFIGURATIONS = new SqlConfigurationStore();
    private static final ReleaseStore RELEASES = new SqlReleaseStore();
    private static final SeedStore SEEDS = new SqlSeedStore();
    private static final AccountStore ACCOUNTS = new SqlAccountStore();
    private static final FlexConfigurationStore FLEX_CONFIGURATIONS = new SqlFlexConfigurationStore();

    /** The random secret page tokens are signed with: made by the first write that asks, then kept. */
    @Override
    public final byte[] secret() {
        String hex = write(h -> {
            String existing = h.createQuery("SELECT value FROM setting WHERE name = 'page_token_secret'")
                    .mapTo(String.class).findOne().orElse(null);
            if (existing == null) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                existing = HexFormat.of().formatHex(fresh);
                h.execute("INSERT INTO setting (name, value) VALUES ('page_token_secret', ?)", existing);
            }
            return existing;
        });
        return HexFormat.of().parseHex(hex);
    }

    /**
     * Brings a database at schema {@code version} up to {@code migrations.length}: each script after it
     * in a transaction of its own with {@code recordVersion}'s statement for the version it reaches. A
     * database newer than this build is refused untouched.
     */
    protected static void migrate(Handle h, String description, String[] migrations, int version, IntFunction<String> recordVersion) {
        if (version > migrations.length) {
            throw new IllegalStateException("Database " + description + " has schema version " + version
                    + ", newer than this FlexConf understands (" + migrations.length + "); it was left untouched");
        }
        for (int next = version; next < migrations.length; next++) {
            String script = migration(migrations[next]);
            String record = recordVersion.apply(next + 1);
            h.useTransaction(t -> {
                t.createScript(script).execute();
                t.execute(record);
            });
        }
    }

    /** The migration script at {@code name} on the classpath. */
    private static String migration(String name) {
        try (InputStream in = SqlDatabase.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing migration " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration " + name, e);
        }
    }

    @Override
    public final PluginStore plugins() {
        return PLUGINS;
    }

    @Override
    public final VersionStore versions() {
        return VERSIONS;
    }

    @Override
    public final ConfigurationStore configurations() {
        return CONFIGURATIONS;
    }

    @Override
    public final ReleaseStore releases() {
        return RELEASES;
    }

    @Override
    public final SeedStore seeds() {
        return SEEDS;
    }

    @Override
    public final AccountStore accounts() {
        return ACCOUNTS;
    }

    @Override
    public final FlexConfigurationStore flexConfigurations() {
        return FLEX_CONFIGURATIONS;
    }
}

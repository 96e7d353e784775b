package dev.flexconf.server.store;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import java.util.Collection;
import java.util.Map;

/**
 * Configurations' and configured plugins' SQL.
 * One implementation per storage engine; every method runs on the caller's handle, in the caller's
 * transaction. Implementations are stateless and thread-safe.
 */
public interface ConfigurationStore {
    /** A stored configuration; dates are epoch seconds. */
    record ConfigurationRow(long seq, String sid, String accountSid, String name, String description,
            boolean archived, long dateCreated) implements Sequenced {
    }

    /** One plugin version of a configuration, joined with the current plugin and version rows. */
    record ConfiguredPluginRow(long seq, String accountSid, String configurationSid, String pluginSid,
            String pluginVersionSid, int phase, String pluginUrl, String uniqueName, String friendlyName,
            String description, boolean pluginArchived, String version, String changelog,
            boolean pluginVersionArchived, boolean isPrivate, long dateCreated) implements Sequenced {
    }

    /** Where a configuration is in its account's list, and its sid: what the list index holds. */
    record ConfigurationKey(long seq, String sid) implements Sequenced {
    }

    /** An entry of a new configuration. */
    record Entry(String pluginSid, String pluginVersionSid, int phase) {
    }

    /** A plugin version that a new configuration may bundle, with what the rules need of its plugin. */
    record Candidate(String versionSid, boolean versionArchived, String pluginSid, String uniqueName,
            boolean pluginArchived) {
    }

    Optional<ConfigurationRow> find(Handle h, String account, String sid);

    /**
     * A page of an account's configurations, newest first, as keys: read from the index
     * {@code configuration_keys_by_account} alone, without touching the table.
     */
    List<ConfigurationKey> keys(Handle h, String account, Keyset keyset);

    /** The configuration at {@code seq}, a position that {@link #keys} gave in the same transaction. */
    ConfigurationRow at(Handle h, long seq);

    /** A page of an account's configurations, newest first, whole: for a reader that caches nothing. */
    List<ConfigurationRow> list(Handle h, String account, Keyset keyset);

    /**
     * The plugin versions of {@code account} among {@code versionSids}, with their plugins, in one query;
     * a sid that is not there is not in the map.
     */
    Map<String, Candidate> candidates(Handle h, String account, Collection<String> versionSids);

    /** Inserts a configuration and its entries, in the order given; returns it (its seq unknown, 0). */
    ConfigurationRow insert(Handle h, String account, String name, String description, List<Entry> entries, long now);

    ConfigurationRow archive(Handle h, String sid);

    /** The candidates (plugin and version, with their archive flags) a configuration holds, in no order. */
    List<Candidate> held(Handle h, String configurationSid);

    List<ConfiguredPluginRow> plugins(Handle h, String configurationSid, Keyset keyset);

    /** The configured plugin whose plugin sid or unique name is {@code sidOrName}. */
    Optional<ConfiguredPluginRow> plugin(Handle h, String configurationSid, String sidOrName);
}

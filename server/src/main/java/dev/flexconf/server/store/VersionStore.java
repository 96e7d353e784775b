package dev.flexconf.server.store;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Plugin versions' SQL: the versions of a plugin, addressed by sid or version string.
 * One implementation per storage engine; every method runs on the caller's handle, in the caller's
 * transaction. Implementations are stateless and thread-safe.
 */
public interface VersionStore {
    /** A stored plugin version; dates are epoch seconds. */
    record VersionRow(long seq, String sid, String accountSid, String pluginSid, String version,
            String pluginUrl, String changelog, boolean isPrivate, String cliVersion, String validateStatus,
            boolean archived, long dateCreated) implements Sequenced {
    }

    /** What a new version is made of. */
    record NewVersion(String version, String pluginUrl, String changelog, boolean isPrivate,
            String cliVersion, String validateStatus) {
    }

    /** The version of plugin {@code pluginSid} whose sid or version string is {@code sidOrVersion}. */
    Optional<VersionRow> find(Handle h, String pluginSid, String sidOrVersion);

    /** The version with sid {@code sid} in {@code account}, of whichever plugin. */
    Optional<VersionRow> findBySid(Handle h, String account, String sid);

    boolean versionTaken(Handle h, String pluginSid, String version);

    List<VersionRow> list(Handle h, String pluginSid, Keyset keyset);

    VersionRow insert(Handle h, String account, String pluginSid, NewVersion v, long now);

    VersionRow archive(Handle h, String sid);
}

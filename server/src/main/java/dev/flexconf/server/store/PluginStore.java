package dev.flexconf.server.store;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Plugins' SQL: the plugins of an account, addressed by sid or unique name.
 * One implementation per storage engine; every method runs on the caller's handle, in the caller's
 * transaction. Implementations are stateless and thread-safe.
 */
public interface PluginStore {
    /** A stored plugin; dates are epoch seconds. */
    record PluginRow(long seq, String sid, String accountSid, String uniqueName, String friendlyName,
            String description, boolean archived, long dateCreated, long dateUpdated) implements Sequenced {
    }

    /** The plugin of {@code account} whose sid or unique name is {@code sidOrName}. */
    Optional<PluginRow> find(Handle h, String account, String sidOrName);

    boolean uniqueNameTaken(Handle h, String account, String uniqueName);

    List<PluginRow> list(Handle h, String account, Keyset keyset);

    PluginRow insert(Handle h, String account, String uniqueName, String friendlyName, String description, long now);

    /** Sets the given fields (null leaves a field as it is) and moves date_updated to {@code now}. */
    PluginRow update(Handle h, String sid, String friendlyName, String description, long now);

    PluginRow archive(Handle h, String sid, long now);
}

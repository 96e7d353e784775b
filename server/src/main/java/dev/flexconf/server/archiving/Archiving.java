package dev.flexconf.server.archiving;

import dev.flexconf.server.store.Database;
import dev.flexconf.server.http.TwilioException;
import dev.flexconf.server.store.ConfigurationStore;
import org.jdbi.v3.core.Handle;

/**
 * The archiving rules, all of them inferred from client behaviour rather than documented by Twilio
 * (README lists them): archiving is one way and a second archive is a 400 20400; what the active
 * release contains cannot be archived; nothing archived can be put into a new configuration or
 * released. Each rule is one method here, so a run against real Twilio that disagrees changes one
 * place. Stateless.
 */
public final class Archiving {
    private Archiving() {
    }

    /** A second archive of the same thing is refused ("Plugin is already archived."). */
    public static void requireNotYetArchived(String kind, boolean archived) {
        if (archived) {
            throw TwilioException.ruleBroken(kind + " is already archived.");
        }
    }

    /**
     * A plugin, plugin version or configuration that the active release of {@code account} contains
     * cannot be archived: "Plugin is part of an active release", in the words of the Flex Plugins CLI's
     * tests (twilio/flex-plugin-builder, packages/plugin-flex/src/__tests__/commands/flex/plugins/archive/).
     */
    public static void requireNotActive(Database db, Handle h, String account, String kind, String sid) {
        boolean active = sid.startsWith("FJ")
                ? db.releases().isActive(h, account, sid)
                : db.releases().activeContains(h, account, sid);
        if (active) {
            throw TwilioException.ruleBroken(kind + " is part of an active release");
        }
    }

    /**
     * A configuration that holds an archived plugin or plugin version cannot be released (a rollback to
     * it included). Inferred: the Flex Plugins CLI's README says archived versions "cannot be enabled
     * on your Flex application" (twilio/flex-plugin-builder, packages/plugin-flex/README.md), and
     * versions of a past release can be archived (flex-plugin-e2e-tests/src/utils/plugins-api.ts).
     */
    public static void requireReleasable(Database db, Handle h, String configurationSid) {
        for (ConfigurationStore.Candidate held : db.configurations().held(h, configurationSid)) {
            requireUsable("Plugin", held.pluginSid(), held.pluginArchived());
            requireUsable("Plugin version", held.versionSid(), held.versionArchived());
        }
    }

    /** Something archived cannot be used: bundled into a new configuration, or released. */
    public static void requireUsable(String kind, String sid, boolean archived) {
        if (archived) {
            throw TwilioException.ruleBroken(kind + " " + sid + " is archived and cannot be used");
        }
    }
}

package dev.flexconf.server.seed;

import dev.flexconf.model.SeedConfiguration;
import dev.flexconf.model.SeedConfiguredPlugin;
import dev.flexconf.model.SeedDocument;
import dev.flexconf.model.SeedPlugin;
import dev.flexconf.model.SeedPluginVersion;
import dev.flexconf.model.SeedRelease;
import dev.flexconf.server.configurations.ConfigurationViews;
import dev.flexconf.server.flexconfiguration.FlexConfigurations;
import dev.flexconf.server.http.Json;
import dev.flexconf.server.plugins.PluginViews;
import dev.flexconf.server.releases.ReleaseViews;
import dev.flexconf.server.store.ConfigurationStore.ConfigurationKey;
import dev.flexconf.server.store.ConfigurationStore;
import dev.flexconf.server.store.Database;
import dev.flexconf.server.store.Keyset;
import dev.flexconf.server.store.PluginStore;
import dev.flexconf.server.versions.VersionViews;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The inverse of {@link Seeder}: one account's whole state as a seed document, read in one read
 * transaction. Every list is written oldest first, the order a seed loads it in, with sids, dates and
 * archive flags, so that loading the document into an emulator without that account answers every GET
 * as this one does, URLs aside. Thread-safe.
 */
final class Exporter {
    /** Every row at once, oldest first: a newest-first list read backward from its end. */
    private static final Keyset ALL_OLDEST_FIRST = new Keyset(null, true, Integer.MAX_VALUE);
    private static final Keyset ALL_IN_ORDER = new Keyset(null, false, Integer.MAX_VALUE);
    /** The views' URLs are not part of a seed: any base will do. */
    private static final String NO_BASE = "";

    private final Database db;

    Exporter(Database db) {
        this.db = db;
    }

    /** The seed document of {@code account} (an account without state gives one without rows). */
    SeedDocument export(String account) {
        return db.read(h -> new SeedDocument()
                .accountSid(account)
                .plugins(plugins(h, account))
                .configurations(configurations(h, account))
                .releases(db.releases().list(h, account, ALL_OLDEST_FIRST).stream()
                        .map(r -> seed(ReleaseViews.release(r, NO_BASE), SeedRelease.class)).toList())
                .flexConfiguration(FlexConfigurations.seeded(db, h, account).orElse(null)));
    }

    private List<SeedPlugin> plugins(Handle h, String account) {
        List<SeedPlugin> plugins = new ArrayList<>();
        for (PluginStore.PluginRow p : db.plugins().list(h, account, ALL_OLDEST_FIRST)) {
            plugins.add(seed(PluginViews.plugin(p, NO_BASE), SeedPlugin.class)
                    .versions(db.versions().list(h, p.sid(), ALL_OLDEST_FIRST).stream()
                            .map(v -> seed(VersionViews.version(v, NO_BASE), SeedPluginVersion.class)).toList()));
        }
        return plugins;
    }

    private List<SeedConfiguration> configurations(Handle h, String account) {
        List<SeedConfiguration> configurations = new ArrayList<>();
        for (ConfigurationKey key : db.configurations().keys(h, account, ALL_OLDEST_FIRST)) {
            ConfigurationStore.ConfigurationRow c = db.configurations().at(h, key.seq());
            configurations.add(seed(ConfigurationViews.configuration(c, NO_BASE), SeedConfiguration.class)
                    .plugins(db.configurations().plugins(h, c.sid(), ALL_IN_ORDER).stream()
                            .map(e -> seed(ConfigurationViews.configuredPlugin(e, NO_BASE), SeedConfiguredPlugin.class)).toList()));
        }
        return configurations;
    }

    /**
     * The seed form of a resource as the API shows it: the seed models name their fields as the API
     * does, so the views are the one mapping of each row and the fields a seed does not take drop out.
     */
    private static <T> T seed(Object view, Class<T> type) {
        return Json.MAPPER.convertValue(view, type);
    }
}

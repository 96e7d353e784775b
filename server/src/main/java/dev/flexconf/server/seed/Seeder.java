package dev.flexconf.server.seed;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.flexconf.model.SeedConfiguration;
import dev.flexconf.model.SeedConfiguredPlugin;
import dev.flexconf.model.SeedDocument;
import dev.flexconf.model.SeedPlugin;
import dev.flexconf.model.SeedPluginVersion;
import dev.flexconf.model.SeedRelease;
import dev.flexconf.model.SeedResult;
import dev.flexconf.server.configurations.ConfigurationViews;
import dev.flexconf.server.configurations.Configurations;
import dev.flexconf.server.flexconfiguration.FlexConfigurations;
import dev.flexconf.server.http.Dates;
import dev.flexconf.server.http.Json;
import dev.flexconf.server.http.TwilioException;
import dev.flexconf.server.plugins.Plugins;
import dev.flexconf.server.plugins.PluginViews;
import dev.flexconf.server.releases.ReleaseViews;
import dev.flexconf.server.store.ConfigurationStore;
import dev.flexconf.server.store.ConfigurationStore.ConfigurationRow;
import dev.flexconf.server.store.Database;
import dev.flexconf.server.store.PluginStore.PluginRow;
import dev.flexconf.server.store.ReleaseStore.ReleaseRow;
import dev.flexconf.server.store.SeedStore.NewConfiguration;
import dev.flexconf.server.store.Sids;
import dev.flexconf.server.store.VersionStore.VersionRow;
import dev.flexconf.server.versions.PluginVersions;
import dev.flexconf.server.versions.VersionViews;
import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Loads a seed document into an account in one write transaction: all of it, or (on the first invalid
 * element, named in the 400) nothing. Seeded rows may carry their own sids and dates; references go by
 * sid or by name (plugin unique name and version string, configuration name) to rows of the document
 * or already in the account. Archived rows may be seeded, and bundled: a seed describes history.
 * Thread-safe; the database serializes writes.
 */
final class Seeder {
    private final Database db;

    Seeder(Database db) {
        this.db = db;
    }

    /** Reads a seed document; malformed JSON or an unknown field is a 400. */
    static SeedDocument read(InputStream json) {
        try {
            return Reader.SEED.readValue(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new TwilioException(400, 20001, "Invalid seed document: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new TwilioException(400, 20001, "Unreadable seed document: " + e.getMessage());
        }
    }

    /** Loads {@code doc}; returns what was loaded as the API shows it, URLs under {@code base}. */
    SeedResult load(SeedDocument doc, String base) {
        String account = doc.getAccountSid();
        Sids.require("account_sid", "AC", account);
        return db.write(h -> new Load(h, account).run(doc, base));
    }

    /** The seed document's reader, built on first use: its deserializers are not needed to start. */
    private static final class Reader {
        static final ObjectReader SEED = Json.MAPPER.readerFor(SeedDocument.class)
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** One load, inside its transaction. */
    private final class Load {
        private final Handle h;
        private final String account;
        private final long now = Dates.now();
        private final Map<String, String> pluginSidByName = new HashMap<>();
        private final Map<String, String> pluginOfVersion = new HashMap<>();
        private final Map<String, String> versionByNameAndVersion = new HashMap<>();
        private final Map<String, List<String>> configurationsByName = new HashMap<>();
        private final Set<String> configurationSids = new HashSet<>();

        Load(Handle h, String account) {
            this.h = h;
            this.account = account;
        }

        SeedResult run(SeedDocument doc, String base) {
            List<PluginRow> plugins = new ArrayList<>();
            List<VersionRow> versions = new ArrayList<>();
            List<NewConfiguration> configurations = new ArrayList<>();
            List<ReleaseRow> releases = new ArrayList<>();
            List<SeedPlugin> seedPlugins = orEmpty(doc.getPlugins());
            for (int i = 0; i < seedPlugins.size(); i++) {
                plugins.add(plugin("plugins[" + i + "]", seedPlugins.get(i), versions));
            }
            List<SeedConfiguration> seedConfigurations = orEmpty(doc.getConfigurations());
            for (int i = 0; i < seedConfigurations.size(); i++) {
                configurations.add(configuration("configurations[" + i + "]", seedConfigurations.get(i)));
            }
            List<SeedRelease> seedReleases = orEmpty(doc.getReleases());
            for (int i = 0; i < seedReleases.size(); i++) {
                releases.add(release("releases[" + i + "]", seedReleases.get(i)));
            }
            db.seeds().plugins(h, plugins);
            db.seeds().versions(h, versions);
            db.seeds().configurations(h, configurations);
            db.seeds().releases(h, releases);
            if (doc.getFlexConfiguration() != null) {
                FlexConfigurations.seed(db, h, account, doc.getFlexConfiguration());
            }
            return new SeedResult()
                    .plugins(plugins.stream().map(r -> PluginViews.plugin(r, base)).toList())
                    .pluginVersions(versions.stream().map(r -> VersionViews.version(r, base)).toList())
                    .configurations(configurations.stream().map(c -> ConfigurationViews.configuration(c.row(), base)).toList())
                    .releases(releases.stream().map(r -> ReleaseViews.release(r, base)).toList());
        }

        private PluginRow plugin(String at, SeedPlugin p, List<VersionRow> versions) {
            String name = p.getUniqueName();
            if (name == null || name.isBlank()) {
                throw TwilioException.invalidParameter(at + ".unique_name", "is required");
            }
            Plugins.requireUniqueName(at + ".unique_name", name,
                    pluginSidByName.containsKey(name) || db.plugins().uniqueNameTaken(h, account, name));
            String sid = sid(at, p.getSid(), "FP", "plugin");
            pluginSidByName.put(name, sid);
            long created = date(p.getDateCreated());
            List<SeedPluginVersion> seedVersions = orEmpty(p.getVersions());
            Set<String> versionStrings = new HashSet<>();
            for (int i = 0; i < seedVersions.size(); i++) {
                String vat = at + ".versions[" + i + "]";
                SeedPluginVersion v = seedVersions.get(i);
                if (v.getVersion() == null || v.getVersion().isBlank()) {
                    throw TwilioException.invalidParameter(vat + ".version", "is required");
                }
                PluginVersions.requireUniqueVersion(vat + ".version", name, v.getVersion(), !versionStrings.add(v.getVersion()));
                String url = v.getPluginUrl() == null ? null : v.getPluginUrl().toString();
                if (url == null) {
                    throw TwilioException.invalidParameter(vat + ".plugin_url", "is required");
                }
                PluginVersions.requireHttpUrl(vat + ".plugin_url", url);
                String vsid = sid(vat, v.getSid(), "FV", "plugin_version");
                pluginOfVersion.put(vsid, sid);
                versionByNameAndVersion.put(name + '\0' + v.getVersion(), vsid);
                versions.add(new VersionRow(0, vsid, account, sid, v.getVersion(), url, v.getChangelog(),
                        Boolean.TRUE.equals(v.getPrivate()), null, PluginVersions.validateStatus(Boolean.TRUE.equals(v.getValidated())),
                        Boolean.TRUE.equals(v.getArchived()), date(v.getDateCreated())));
            }
            return new PluginRow(0, sid, account, name, Plugins.friendlyName(name, p.getFriendlyName()), p.getDescription(),
                    Boolean.TRUE.equals(p.getArchived()), created, p.getDateUpdated() == null ? created : date(p.getDateUpdated()));
        }

        private NewConfiguration configuration(String at, SeedConfiguration c) {
            if (c.getName() == null || c.getName().isBlank()) {
                throw TwilioException.invalidParameter(at + ".name", "is required");
            }
            String sid = sid(at, c.getSid(), "FJ", "configuration");
            List<ConfigurationStore.Entry> entries = new ArrayList<>();
            Set<String> plugins = new HashSet<>();
            List<SeedConfiguredPlugin> seedEntries = orEmpty(c.getPlugins());
            for (int i = 0; i < seedEntries.size(); i++) {
                String eat = at + ".plugins[" + i + "]";
                SeedConfiguredPlugin e = seedEntries.get(i);
                String version = version(eat, e);
                String plugin = pluginOfVersion.get(version);
                Configurations.requireOnePerPlugin(eat, plugins, plugin, plugin);
                entries.add(new ConfigurationStore.Entry(plugin, version, Configurations.phase(eat + ".phase", e.getPhase())));
            }
            configurationsByName.computeIfAbsent(c.getName(), n -> new ArrayList<>()).add(sid);
            configurationSids.add(sid);
            return new NewConfiguration(new ConfigurationRow(0, sid, account, c.getName(), c.getDescription(),
                    Boolean.TRUE.equals(c.getArchived()), date(c.getDateCreated())), entries);
        }

        /** The version an entry names, of the document or of the account; remembers its plugin. */
        private String version(String at, SeedConfiguredPlugin e) {
            if (e.getPluginVersionSid() != null) {
                String sid = e.getPluginVersionSid();
                if (pluginOfVersion.containsKey(sid)) {
                    return sid;
                }
                VersionRow row = db.versions().findBySid(h, account, sid).orElseThrow(() ->
                        TwilioException.invalidParameter(at + ".plugin_version_sid", "plugin version " + sid + " was not found"));
                pluginOfVersion.put(sid, row.pluginSid());
                return sid;
            }
            if (e.getUniqueName() == null || e.getVersion() == null) {
                throw TwilioException.invalidParameter(at, "needs plugin_version_sid, or unique_name and version");
            }
            String seeded = versionByNameAndVersion.get(e.getUniqueName() + '\0' + e.getVersion());
            if (seeded != null) {
                return seeded;
            }
            if (pluginSidByName.containsKey(e.getUniqueName())) {
                throw TwilioException.invalidParameter(at + ".version", "version " + e.getVersion() + " of "
                        + e.getUniqueName() + " is not in the document");
            }
            PluginRow plugin = db.plugins().find(h, account, e.getUniqueName()).orElseThrow(() ->
                    TwilioException.invalidParameter(at + ".unique_name", "plugin " + e.getUniqueName() + " was not found"));
            VersionRow row = db.versions().find(h, plugin.sid(), e.getVersion()).orElseThrow(() ->
                    TwilioException.invalidParameter(at + ".version", "version " + e.getVersion() + " of "
                            + e.getUniqueName() + " was not found"));
            pluginOfVersion.put(row.sid(), plugin.sid());
            return row.sid();
        }

        private ReleaseRow release(String at, SeedRelease r) {
            String configuration;
            if (r.getConfigurationSid() != null) {
                configuration = r.getConfigurationSid();
                if (!configurationSids.contains(configuration) && db.configurations().find(h, account, configuration).isEmpty()) {
                    throw TwilioException.invalidParameter(at + ".configuration_sid", "configuration " + configuration + " was not found");
                }
            } else if (r.getConfigurationName() != null) {
                List<String> named = configurationsByName.getOrDefault(r.getConfigurationName(), List.of());
                if (named.size() != 1) {
                    throw TwilioException.invalidParameter(at + ".configuration_name", named.isEmpty()
                            ? "no configuration of this document is named " + r.getConfigurationName()
                            : "more than one configuration is named " + r.getConfigurationName());
                }
                configuration = named.get(0);
            } else {
                throw TwilioException.invalidParameter(at, "needs configuration_sid or configuration_name");
            }
            return new ReleaseRow(0, sid(at, r.getSid(), "FK", "plugin_release"), account, configuration, date(r.getDateCreated()));
        }

        private String sid(String at, String given, String prefix, String table) {
            if (given == null) {
                return Sids.next(prefix);
            }
            Sids.require(at + ".sid", prefix, given);
            if (db.seeds().sidTaken(h, table, given)) {
                throw TwilioException.invalidParameter(at + ".sid", given + " already exists");
            }
            return given;
        }

        private long date(OffsetDateTime given) {
            return given == null ? now : given.toEpochSecond();
        }

        private static <T> List<T> orEmpty(List<T> list) {
            return list == null ? List.of() : list;
        }
    }
}

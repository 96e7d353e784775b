package dev.flexconf.server.releases;

import dev.flexconf.model.PluginChange;
import dev.flexconf.model.ReleaseTimeline;
import dev.flexconf.model.SeedConfiguration;
import dev.flexconf.model.SeedConfiguredPlugin;
import dev.flexconf.model.SeedDocument;
import dev.flexconf.model.SeedPlugin;
import dev.flexconf.model.SeedPluginVersion;
import dev.flexconf.model.SeedRelease;
import dev.flexconf.model.TimelineRelease;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An account's releases as a person reads them: newest first, which one is active, what each changed
 * against the release before it (plugins added, removed, upgraded, downgraded), and which ones rolled
 * back, that is released a configuration an earlier release (not the one just before) had released. Read
 * from the account's export, so it sees what the API sees and adds no rule about what exists. Stateless.
 */
public final class Timeline {
    private static final Pattern SEMVER = Pattern.compile("^v?(\\d+)\\.(\\d+)\\.(\\d+)(?:-([0-9A-Za-z.-]+))?(?:\\+.*)?$");

    private Timeline() {
    }

    /** The timeline of the account {@code export} holds (its releases oldest first, as an export has them). */
    public static ReleaseTimeline of(SeedDocument export) {
        Map<String, SeedConfiguration> configurations = new HashMap<>();
        for (SeedConfiguration c : nonNull(export.getConfigurations())) {
            configurations.put(c.getSid(), c);
        }
        Map<String, List<String>> versionsByPlugin = new HashMap<>();
        for (SeedPlugin p : nonNull(export.getPlugins())) {
            versionsByPlugin.put(p.getUniqueName(), nonNull(p.getVersions()).stream().map(SeedPluginVersion::getVersion).toList());
        }
        List<SeedRelease> releases = nonNull(export.getReleases());
        List<TimelineRelease> timeline = new ArrayList<>();
        Map<String, String> lastReleaseOf = new HashMap<>();
        Map<String, String> before = Map.of();
        String configurationBefore = null;
        for (int i = 0; i < releases.size(); i++) {
            SeedRelease release = releases.get(i);
            SeedConfiguration configuration = configurations.get(release.getConfigurationSid());
            Map<String, String> plugins = plugins(configuration);
            String earlier = lastReleaseOf.get(release.getConfigurationSid());
            boolean rollback = earlier != null && !release.getConfigurationSid().equals(configurationBefore);
            timeline.add(new TimelineRelease()
                    .sid(release.getSid())
                    .dateCreated(release.getDateCreated())
                    .configurationSid(release.getConfigurationSid())
                    .configurationName(configuration == null ? "" : configuration.getName())
                    .active(i == releases.size() - 1)
                    .rollback(rollback)
                    .rollsBackTo(rollback ? earlier : null)
                    .changes(changes(before, plugins, versionsByPlugin)));
            lastReleaseOf.put(release.getConfigurationSid(), release.getSid());
            before = plugins;
            configurationBefore = release.getConfigurationSid();
        }
        Collections.reverse(timeline);
        return new ReleaseTimeline()
                .accountSid(export.getAccountSid())
                .activeConfigurationSid(configurationBefore)
                .releases(timeline);
    }

    /** A configuration's plugins: unique name to version. */
    private static Map<String, String> plugins(SeedConfiguration configuration) {
        Map<String, String> plugins = new TreeMap<>();
        if (configuration != null) {
            for (SeedConfiguredPlugin p : nonNull(configuration.getPlugins())) {
                plugins.put(p.getUniqueName(), p.getVersion());
            }
        }
        return plugins;
    }

    private static List<PluginChange> changes(Map<String, String> before, Map<String, String> after, Map<String, List<String>> versions) {
        List<PluginChange> changes = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String name : names) {
            String from = before.get(name);
            String to = after.get(name);
            PluginChange.ChangeEnum change;
            if (from == null) {
                change = PluginChange.ChangeEnum.ADDED;
            } else if (to == null) {
                change = PluginChange.ChangeEnum.REMOVED;
            } else if (from.equals(to)) {
                continue;
            } else {
                change = compare(to, from, versions.getOrDefault(name, List.of())) > 0
                        ? PluginChange.ChangeEnum.UPGRADED : PluginChange.ChangeEnum.DOWNGRADED;
            }
            changes.add(new PluginChange().change(change).uniqueName(name).fromVersion(from).toVersion(to));
        }
        return changes;
    }

    /**
     * Orders two versions of one plugin: as semantic versions when both are, else by the order the
     * plugin's versions were created in ({@code created}, oldest first).
     */
    static int compare(String a, String b, List<String> created) {
        Matcher x = SEMVER.matcher(a);
        Matcher y = SEMVER.matcher(b);
        if (x.matches() && y.matches()) {
            for (int group = 1; group <= 3; group++) {
                int c = new java.math.BigInteger(x.group(group)).compareTo(new java.math.BigInteger(y.group(group)));
                if (c != 0) {
                    return c;
                }
            }
            return comparePreRelease(x.group(4), y.group(4));
        }
        return Integer.compare(created.indexOf(a), created.indexOf(b));
    }

    /** Semantic versioning's order of pre-releases: none is higher than any; else identifier by identifier. */
    private static int comparePreRelease(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            boolean xn = x[i].matches("\\d+");
            boolean yn = y[i].matches("\\d+");
            int c = xn && yn ? new java.math.BigInteger(x[i]).compareTo(new java.math.BigInteger(y[i]))
                    : xn ? -1 : yn ? 1 : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}

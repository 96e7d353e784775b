package dev.flexconf.server.releases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flexconf.model.ReleaseTimeline;
import dev.flexconf.model.SeedConfiguration;
import dev.flexconf.model.SeedConfiguredPlugin;
import dev.flexconf.model.SeedDocument;
import dev.flexconf.model.SeedRelease;
import dev.flexconf.model.TimelineRelease;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a release history reads: what each release changed, and which ones rolled back. */
class TimelineTest {
    private static final String ACCOUNT = "AC" + "a".repeat(32);

    private static String sid(String prefix, int n) {
        return prefix + String.format("%032x", n);
    }

    /** Configuration n holds the given plugins ("name@version"); releases name configurations by number, oldest first. */
    private static ReleaseTimeline timeline(List<List<String>> configurations, int... releases) {
        List<SeedConfiguration> seeded = new ArrayList<>();
        for (int i = 0; i < configurations.size(); i++) {
            seeded.add(new SeedConfiguration().sid(sid("FJ", i)).name("configuration " + i).plugins(configurations.get(i).stream()
                    .map(p -> new SeedConfiguredPlugin().uniqueName(p.split("@")[0]).version(p.split("@")[1])).toList()));
        }
        List<SeedRelease> released = new ArrayList<>();
        for (int i = 0; i < releases.length; i++) {
            released.add(new SeedRelease().sid(sid("FK", i)).configurationSid(sid("FJ", releases[i])));
        }
        return Timeline.of(new SeedDocument().accountSid(ACCOUNT).configurations(seeded).releases(released));
    }

    private static List<String> changes(TimelineRelease release) {
        return release.getChanges().stream().map(c -> c.getChange().getValue() + " " + c.getUniqueName()
                + " " + c.getFromVersion() + " " + c.getToVersion()).toList();
    }

    @Test
    void theNewestReleaseComesFirstAndIsTheActiveOne() {
        ReleaseTimeline t = timeline(List.of(List.of("a@1.0.0"), List.of("a@1.1.0")), 0, 1);
        assertEquals(sid("FK", 1), t.getReleases().get(0).getSid());
        assertTrue(t.getReleases().get(0).getActive());
        assertFalse(t.getReleases().get(1).getActive());
        assertEquals(sid("FJ", 1), t.getActiveConfigurationSid());
    }

    @Test
    void theFirstReleaseAddsEveryPlugin() {
        ReleaseTimeline t = timeline(List.of(List.of("a@1.0.0", "b@2.0.0")), 0);
        assertEquals(List.of("added a null 1.0.0", "added b null 2.0.0"), changes(t.getReleases().get(0)));
    }

    @Test
    void pluginsAddedRemovedUpgradedAndDowngradedAreNamed() {
        ReleaseTimeline t = timeline(List.of(List.of("a@1.0.0", "b@2.0.0", "c@1.0.0"), List.of("a@1.2.0", "b@1.9.9", "d@0.1.0")), 0, 1);
        assertEquals(List.of("upgraded a 1.0.0 1.2.0", "downgraded b 2.0.0 1.9.9", "removed c 1.0.0 null", "added d null 0.1.0"),
                changes(t.getReleases().get(0)));
    }

    @Test
    void releasingAnEarlierConfigurationAgainIsARollbackToItsNewestRelease() {
        ReleaseTimeline t = timeline(List.of(List.of("a@1.0.0"), List.of("a@2.0.0")), 0, 1, 0);
        TimelineRelease newest = t.getReleases().get(0);
        assertTrue(newest.getRollback());
        assertEquals(sid("FK", 0), newest.getRollsBackTo());
        assertFalse(t.getReleases().get(1).getRollback());
        assertNull(t.getReleases().get(1).getRollsBackTo());
    }

    @Test
    void releasingTheActiveConfigurationAgainIsNoRollbackAndChangesNothing() {
        ReleaseTimeline t = timeline(List.of(List.of("a@1.0.0")), 0, 0);
        assertFalse(t.getReleases().get(0).getRollback());
        assertEquals(List.of(), t.getReleases().get(0).getChanges());
    }

    @Test
    void versionsCompareAsSemanticVersions() {
        assertTrue(Timeline.compare("1.10.0", "1.9.0", List.of()) > 0);
        assertTrue(Timeline.compare("2.0.0", "2.0.0-rc.1", List.of()) > 0);
        assertTrue(Timeline.compare("2.0.0-rc.2", "2.0.0-rc.10", List.of()) < 0);
        assertTrue(Timeline.compare("2.0.0-alpha", "2.0.0-1", List.of()) > 0);
        assertEquals(0, Timeline.compare("1.0.0+build.1", "1.0.0", List.of()));
    }

    @Test
    void versionsThatAreNotSemanticCompareByTheirOrderOfCreation() {
        assertTrue(Timeline.compare("zebra", "apple", List.of("apple", "zebra")) > 0);
        assertTrue(Timeline.compare("apple", "zebra", List.of("zebra", "apple")) > 0);
    }

    @Test
    void anAccountWithoutReleasesHasAnEmptyTimeline() {
        ReleaseTimeline t = timeline(List.of(List.of("a@1.0.0")));
        assertEquals(List.of(), t.getReleases());
        assertNull(t.getActiveConfigurationSid());
    }
}

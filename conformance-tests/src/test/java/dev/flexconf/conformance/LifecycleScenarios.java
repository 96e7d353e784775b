package dev.flexconf.conformance;

import static dev.flexconf.conformance.Api.V1;
import static dev.flexconf.conformance.Api.api;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The flow Flex teams run, over plain HTTP: deploy versions, bundle them, release, bundle a newer
 * version, release, roll back by releasing the older configuration. Active and the release list (the
 * audit trail) are checked at every step, and every configuration stays as it was built.
 */
class LifecycleScenarios extends Scenario {

    private static void activeIs(String configuration, String release) {
        api().get(V1 + "/Releases/Active").then().statusCode(200)
                .body("sid", equalTo(release)).body("configuration_sid", equalTo(configuration));
    }

    private static List<String> latestReleases(int count) {
        List<String> configurations = api().get(V1 + "/Releases").then().statusCode(200)
                .extract().path("releases.configuration_sid");
        return configurations.subList(0, count);
    }

    private static void bundles(String configuration, String plugin, String version) {
        api().get(V1 + "/Configurations/" + configuration + "/Plugins/" + plugin).then().statusCode(200)
                .body("plugin_version_sid", equalTo(version));
    }

    @Test
    void deployReleaseUpgradeAndRollBack() {
        assumeTrue(Target.get().releasesAllowed, "releases change a real contact center: -Dflexconf.allowReleases=true");
        String header = Fixtures.plugin(Fixtures.unique("header"));
        String header100 = Fixtures.version(header, "1.0.0");
        String crm = Fixtures.plugin(Fixtures.unique("crm"));
        String crm100 = Fixtures.version(crm, "1.0.0");
        String crm110 = Fixtures.version(crm, "1.1.0");

        String a = Fixtures.configuration(Fixtures.unique("A"), List.of(header100, crm100));
        String releaseA = ReleaseScenarios.release(a);
        activeIs(a, releaseA);
        assertEquals(List.of(a), latestReleases(1));

        String b = Fixtures.configuration(Fixtures.unique("B"), List.of(header100, crm110));
        String releaseB = ReleaseScenarios.release(b);
        activeIs(b, releaseB);
        assertEquals(List.of(b, a), latestReleases(2));

        String rollback = ReleaseScenarios.release(a);
        activeIs(a, rollback);
        assertEquals(List.of(a, b, a), latestReleases(3));

        bundles(a, crm, crm100);
        bundles(b, crm, crm110);
        bundles(a, header, header100);
        bundles(b, header, header100);
    }
}

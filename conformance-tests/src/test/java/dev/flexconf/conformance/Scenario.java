package dev.flexconf.conformance;

import org.junit.jupiter.api.AfterAll;

/** What every scenario class shares: its fixtures are archived when it ends. */
abstract class Scenario {
    @AfterAll
    static void archiveFixtures() {
        Fixtures.archiveAll();
    }
}

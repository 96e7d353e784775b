package dev.flexconf.server;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import org.junit.jupiter.api.Test;

/** The head start swallows its own failures (it is only a head start), so each step is run here where a failure shows. */
class HeadStartTest {
    @Test
    void everyStepOfTheHeadStartRuns() {
        assertDoesNotThrow(HeadStart::warmUp);
    }
}

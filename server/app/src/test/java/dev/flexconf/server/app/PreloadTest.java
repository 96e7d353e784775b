package dev.flexconf.server.app;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import org.junit.jupiter.api.Test;

class PreloadTest {
    /** The head start swallows its failures in the product; a step that throws must show here instead. */
    @Test
    void everyStepOfTheHeadStartRuns() {
        assertDoesNotThrow(Preload::warmUp);
    }
}

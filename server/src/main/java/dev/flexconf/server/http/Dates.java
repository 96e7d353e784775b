package dev.flexconf.server.http;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Wire dates: UTC, second precision ({@code 2020-01-10T20:00:00Z}), stored as epoch seconds. */
public final class Dates {
    private Dates() {
    }

    public static long now() {
        return Instant.now().getEpochSecond();
    }

    public static OffsetDateTime of(long epochSeconds) {
        return OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochSeconds), ZoneOffset.UTC);
    }
}

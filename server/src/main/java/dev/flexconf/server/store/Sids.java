package dev.flexconf.server.store;

import java.util.UUID;
import java.util.regex.Pattern;

/** Twilio sids: a two-letter prefix and 32 lowercase hex digits. Stateless. */
public final class Sids {
    private Sids() {
    }

    /** A new random sid with {@code prefix} (122 random bits: collisions are not a concern). */
    public static String next(String prefix) {
        UUID uuid = UUID.randomUUID();
        return prefix + String.format("%016x%016x", uuid.getMostSignificantBits(), uuid.getLeastSignificantBits());
    }

    /** Whether {@code value} is shaped like a sid with {@code prefix}, hex digits of either case. */
    public static boolean isSid(String prefix, String value) {
        return value != null && value.length() == 34 && value.startsWith(prefix)
                && HEX32.matcher(value.substring(2)).matches();
    }

    private static final Pattern HEX32 = Pattern.compile("[0-9a-fA-F]{32}");
}

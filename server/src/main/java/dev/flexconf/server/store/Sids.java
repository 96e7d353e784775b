package dev.flexconf.server.store;

import dev.flexconf.server.http.TwilioException;
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

    /**
     * The one check of a sid given as parameter {@code parameter}: shaped like a {@code prefix} sid, else a
     * 400 20001 naming the parameter and the shape.
     */
    public static String require(String parameter, String prefix, String value) {
        if (!isSid(prefix, value)) {
            throw TwilioException.invalidParameter(parameter, "must be " + prefix + " followed by 32 hex digits, got "
                    + (value == null ? "nothing" : value.length() <= 40 ? value : value.substring(0, 37) + "..."));
        }
        return value;
    }

    private static final Pattern HEX32 = Pattern.compile("[0-9a-fA-F]{32}");
}

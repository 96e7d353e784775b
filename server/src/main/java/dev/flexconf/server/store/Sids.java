package dev.flexconf.server.store;

import dev.flexconf.server.http.TwilioException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
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

    /**
     * What {@code find} gives for identifier {@code id} when it is shaped like a {@code prefix} sid; else
     * nothing. An identifier in a path that is not shaped like a sid answers as an unknown one does (a
     * 404): the Flex Plugins CLI takes only a 404 for "not found" (twilio/flex-plugin-builder,
     * packages/plugin-flex/src/sub-commands/information-flex-plugin.ts).
     */
    public static <T> Optional<T> lookUp(String prefix, String id, Function<String, Optional<T>> find) {
        return isSid(prefix, id) ? find.apply(id) : Optional.empty();
    }

    private static final Pattern HEX32 = Pattern.compile("[0-9a-fA-F]{32}");
}

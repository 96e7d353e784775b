package dev.flexconf.server.http;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request body read as {@code application/x-www-form-urlencoded}, leniently, the way Twilio's
 * clients send it: percent-encoded (helper libraries) or not (the Flex CLI), keys repeated for arrays,
 * {@code +} as a space, and a {@code %} not followed by two hex digits kept as a literal {@code %}
 * rather than dropped. Bytes that are not UTF-8, or a body of another media type, are a 400.
 * Immutable once parsed.
 */
public final class Form {
    private final Map<String, List<String>> fields;

    private Form(Map<String, List<String>> fields) {
        this.fields = fields;
    }

    /**
     * The largest request body read; the server makes it the HTTP layer's limit, so a larger body is a
     * 413, refused by its Content-Length before it is read, or after this many bytes when chunked.
     * (The admin API streams its JSON bodies and is not bound by it.)
     */
    public static final int MAX_BYTES = 1_000_000;

    /**
     * A before-handler for API requests: a body whose Content-Length is over {@link #MAX_BYTES} is a
     * 413 before anything reads it (the HTTP layer alone would wait for the whole body first).
     */
    public static void refuseOversized(Context ctx) {
        if (ctx.contentLength() > MAX_BYTES) {
            throw new TwilioException(413, 20001, "Request body too large: the limit is " + MAX_BYTES + " bytes");
        }
    }

    /** Parses the body of {@code ctx}; an empty body is an empty form. */
    public static Form of(Context ctx) {
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) {
            return new Form(Map.of());
        }
        String contentType = ctx.contentType();
        if (contentType != null && !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            throw new TwilioException(400, 20001,
                    "Invalid Content-Type " + contentType + ": the body must be application/x-www-form-urlencoded");
        }
        return parse(body);
    }

    static Form parse(byte[] body) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        int start = 0;
        for (int i = 0; i <= body.length; i++) {
            if (i == body.length || body[i] == '&') {
                if (i > start) {
                    addPair(fields, body, start, i);
                }
                start = i + 1;
            }
        }
        return new Form(fields);
    }

    private static void addPair(Map<String, List<String>> fields, byte[] body, int from, int to) {
        int eq = from;
        while (eq < to && body[eq] != '=') {
            eq++;
        }
        String key = decode(body, from, eq);
        String value = eq < to ? decode(body, eq + 1, to) : "";
        fields.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }

    private static String decode(byte[] body, int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = body[i];
            if (b == '+') {
                out.write(' ');
            } else if (b == '%' && i + 2 < to && hex(body[i + 1]) >= 0 && hex(body[i + 2]) >= 0) {
                out.write(hex(body[i + 1]) * 16 + hex(body[i + 2]));
                i += 2;
            } else {
                out.write(b);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(out.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new TwilioException(400, 20001, "Invalid request body: it is not UTF-8");
        }
    }

    private static int hex(byte b) {
        return Character.digit(b, 16);
    }

    /** The last value of {@code name}, or null when absent. */
    public String last(String name) {
        List<String> values = fields.get(name);
        return values == null ? null : values.get(values.size() - 1);
    }

    /** The value of a required field: absent or blank is a 400 naming it. */
    public String required(String name) {
        String value = last(name);
        if (value == null || value.isBlank()) {
            throw TwilioException.missingParameter(name);
        }
        return value;
    }

    /** Every value of a repeated field, in the order sent; empty when absent. */
    public List<String> all(String name) {
        return fields.getOrDefault(name, List.of());
    }

    /**
     * A boolean field read case-insensitively ({@code true}, {@code True}, {@code false}); absent gives
     * {@code fallback}; anything else is a 400 naming it.
     */
    public boolean bool(String name, boolean fallback) {
        String value = last(name);
        if (value == null) {
            return fallback;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw TwilioException.invalidParameter(name, "must be true or false");
    }
}

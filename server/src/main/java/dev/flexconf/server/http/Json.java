package dev.flexconf.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The one JSON configuration of the server: dates as {@code 2020-01-10T20:00:00Z}, nulls written.
 * Thread-safe; the mapper and writer are shared.
 */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final ObjectWriter WRITER = MAPPER.writer();
    private static final byte[] ENVELOPE_META = "],\"meta\":".getBytes(StandardCharsets.UTF_8);

    private Json() {
    }

    /** Answers {@code status} with {@code body} as {@code application/json}. */
    public static void respond(Context ctx, int status, Object body) {
        respondBytes(ctx, status, bytes(body));
    }

    /**
     * Answers {@code status} with ready JSON, written straight to the response (through Javalin's
     * compression); a result stream would cost a 32 KB copy buffer per response.
     */
    public static void respondBytes(Context ctx, int status, byte[] json) {
        ctx.status(status).contentType("application/json");
        try {
            ctx.outputStream().write(json);
        } catch (IOException e) {
            // the client is gone: there is no one left to answer
        }
    }

    /**
     * A list envelope, {@code {"<key>": [items…], "meta": {…}}}, from items that are JSON already: the
     * same bytes as the generated list response model would give.
     */
    public static byte[] envelope(String key, List<byte[]> items, Object meta) {
        byte[] metaJson = bytes(meta);
        byte[] head = ("{\"" + key + "\":[").getBytes(StandardCharsets.UTF_8);
        int size = head.length + ENVELOPE_META.length + metaJson.length + 1 + Math.max(0, items.size() - 1);
        for (byte[] item : items) {
            size += item.length;
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put(head);
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.put((byte) ',');
            }
            out.put(items.get(i));
        }
        return out.put(ENVELOPE_META).put(metaJson).put((byte) '}').array();
    }

    /** A response model as JSON bytes. */
    public static byte[] bytes(Object body) {
        try {
            return WRITER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a response model did not serialize", e);
        }
    }
}

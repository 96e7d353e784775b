package dev.flexconf.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
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
     * Answers 200 with a list envelope, {@code {"<key>": [items…], "meta": {…}}}, from items that are
     * JSON already: the same bytes as the generated list response model would give, written piece by
     * piece into the response's buffer rather than assembled first.
     */
    public static void respondEnvelope(Context ctx, String key, List<byte[]> items, Object meta) {
        byte[] metaJson = bytes(meta);
        ctx.status(200).contentType("application/json");
        try {
            OutputStream out = ctx.outputStream();
            out.write(("{\"" + key + "\":[").getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(items.get(i));
            }
            out.write(ENVELOPE_META);
            out.write(metaJson);
            out.write('}');
        } catch (IOException e) {
            // the client is gone: there is no one left to answer
        }
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

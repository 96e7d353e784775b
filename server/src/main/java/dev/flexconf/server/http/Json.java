package dev.flexconf.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;

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

    private Json() {
    }

    /** Answers {@code status} with {@code body} as {@code application/json}. */
    public static void respond(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json").result(WRITER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a response model did not serialize", e);
        }
    }
}

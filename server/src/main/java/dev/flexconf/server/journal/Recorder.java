package dev.flexconf.server.journal;

import dev.flexconf.model.JournalEntry;
import dev.flexconf.server.http.BasicAuth;
import dev.flexconf.server.http.Operation;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before- and after-handlers that put every API request into the journal (and, when asked, one log
 * line each): method, path, query, account, matched operation, the headers that matter, the raw body
 * (not for a request without credentials or refused 401: nobody may fill the journal anonymously),
 * status and time taken. Thread-safe.
 */
public final class Recorder {
    private static final Logger LOG = LoggerFactory.getLogger("dev.flexconf.requests");
    private static final String STARTED = Recorder.class.getName() + ".started";

    private final RequestJournal journal;
    private final boolean log;

    public Recorder(RequestJournal journal, boolean log) {
        this.journal = journal;
        this.log = log;
    }

    public void start(Context ctx) {
        ctx.attribute(STARTED, System.nanoTime());
    }

    public void finish(Context ctx) {
        Long started = ctx.attribute(STARTED);
        double millis = started == null ? 0 : (System.nanoTime() - started) / 1_000_000.0;
        String account = BasicAuth.accountOrNull(ctx);
        JournalEntry entry = new JournalEntry()
                .received(OffsetDateTime.now(ZoneOffset.UTC))
                .method(ctx.method().name())
                .path(ctx.path())
                .query(ctx.queryString())
                .accountSid(account)
                .operation(Operation.of(ctx))
                .flexMetadata(ctx.header("Flex-Metadata"))
                .userAgent(ctx.header("User-Agent"))
                .contentType(ctx.contentType())
                .body(account == null || ctx.statusCode() == 401 ? "" : body(ctx))
                .status(ctx.statusCode())
                .durationMs(Math.round(millis * 1000) / 1000.0);
        journal.record(entry);
        if (log) {
            LOG.info("{} {}{} {} {} ms {}", entry.getMethod(), entry.getPath(),
                    entry.getQuery() == null ? "" : "?" + entry.getQuery(), entry.getStatus(),
                    String.format("%.1f", millis), account == null ? "-" : account);
        }
    }

    private static String body(Context ctx) {
        long length = ctx.contentLength();
        if (length == 0 || length > dev.flexconf.server.http.Form.MAX_BYTES || (length < 0 && "GET".equals(ctx.method().name()))) {
            return "";
        }
        try {
            byte[] bytes = ctx.bodyAsBytes();
            if (bytes.length > RequestJournal.MAX_BODY_BYTES) {
                bytes = Arrays.copyOf(bytes, RequestJournal.MAX_BODY_BYTES);
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (Exception e) {
            return ""; // over the HTTP layer's limit (a 413), or unreadable (a broken framing, a 400): not kept
        }
    }
}

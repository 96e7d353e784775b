package dev.flexconf.server.admin;

import dev.flexconf.server.http.TwilioException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The web console's files ({@code /__flexconf/ui/}): read from the jar once, answered from memory,
 * never fetched from elsewhere. The page reads everything it shows through the admin API. Its own
 * routes under the admin path: nothing is added to the API's requests. Immutable, thread-safe.
 */
final class Console {
    /** A file: its bytes and content type. */
    private record File(byte[] bytes, String type) {
    }

    private static final String UI = AdminResource.PATH + "/ui/";
    private static final Map<String, String> TYPES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "console.js", "text/javascript; charset=utf-8",
            "console.css", "text/css; charset=utf-8");

    private final Map<String, File> files;

    private Console(Map<String, File> files) {
        this.files = files;
    }

    /** The console's files from the classpath's {@code console/} folder. */
    static Console load() {
        Map<String, File> files = new java.util.HashMap<>();
        TYPES.forEach((name, type) -> {
            try (InputStream in = Console.class.getResourceAsStream("/console/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("console/" + name + " is missing from the jar");
                }
                files.put(name, new File(in.readAllBytes(), type));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return new Console(Map.copyOf(files));
    }

    /** Whether a path is one of the console's files, served without the admin token (they hold no data). */
    static boolean isConsole(String path) {
        return path.startsWith(UI) || path.equals(AdminResource.PATH + "/ui");
    }

    void register(RoutesConfig routes) {
        routes.get(UI, this::page);
        routes.get(UI + "{file}", ctx -> {
            String name = ctx.pathParam("file");
            if (name.equals("index.html")) {
                throw TwilioException.notFound(); // the page is the folder
            }
            send(ctx, name);
        });
    }

    /** The page; {@code /__flexconf/ui} (which the route also matches) is sent to {@code /__flexconf/ui/}, where its files resolve. */
    private void page(Context ctx) {
        if (!ctx.path().endsWith("/")) {
            ctx.redirect(ctx.path() + "/" + (ctx.queryString() == null ? "" : "?" + ctx.queryString()));
            return;
        }
        send(ctx, "index.html");
    }

    private void send(Context ctx, String name) {
        File file = files.get(name);
        if (file == null) {
            throw TwilioException.notFound();
        }
        ctx.header("Cache-Control", "no-cache");
        ctx.header("X-Content-Type-Options", "nosniff");
        // the page runs only its own script and style, and talks only to this server
        ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.contentType(file.type()).result(file.bytes());
    }
}

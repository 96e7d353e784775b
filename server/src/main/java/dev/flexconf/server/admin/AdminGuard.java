package dev.flexconf.server.admin;

import dev.flexconf.server.frontdoor.TwilioHosts;
import dev.flexconf.server.http.TwilioException;
import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

/**
 * The door of the admin API, checked before every admin call: a web page a developer visits must not be
 * able to reset their emulator or read its journal. Refused with Twilio's 403 body: a request whose
 * {@code Origin} is not the host it was sent to (a browser's cross-site request, a "simple" form or
 * text/plain POST included); on a loopback connection, a request naming a host that is not one of
 * FlexConf's (DNS rebinding). With a token ({@link AdminAccess#token}), a call without
 * {@code Authorization: Bearer <token>} is a 401; health stays open, for readiness probes, and so do the
 * console's static files (they hold no data; the console asks for the token before it reads anything).
 * Thread-safe; stateless but for its settings.
 */
final class AdminGuard {
    private final byte[] expected;
    private final String publicHost;

    /** @param publicHost the host of {@code --base-url}, also accepted on loopback, or null */
    AdminGuard(AdminAccess access, String publicHost) {
        this.expected = access.token() == null ? null : ("Bearer " + access.token()).getBytes(StandardCharsets.UTF_8);
        this.publicHost = publicHost == null ? null : publicHost.toLowerCase(Locale.ROOT);
    }

    void check(Context ctx) {
        String host = ctx.header("Host");
        if (isLoopback(ctx.req().getLocalAddr()) && !isOwn(hostName(host))) {
            throw new TwilioException(403, 20403, "The admin API refuses requests for host " + host
                    + " on a loopback connection (a DNS rebinding page would send them); use 127.0.0.1 or localhost");
        }
        String origin = ctx.header("Origin");
        if (origin != null && !sameOrigin(origin, host)) {
            throw new TwilioException(403, 20403, "The admin API refuses cross-site requests (Origin " + origin + ")");
        }
        if (expected != null && !ctx.path().endsWith("/health") && !Console.isConsole(ctx.path())) {
            String given = ctx.header("Authorization");
            if (given == null || !MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
                throw new TwilioException(401, 20003, "The admin API needs its token: Authorization: Bearer <--admin-token>");
            }
        }
    }

    private boolean isOwn(String hostName) {
        return hostName != null && (TwilioHosts.isEmulated(hostName) || hostName.equals(publicHost));
    }

    /** A browser's Origin of a page served by the host the request was sent to. */
    private static boolean sameOrigin(String origin, String host) {
        if (host == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            String authority = uri.getRawAuthority();
            return authority != null && authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false; // "null" and anything unparseable
        }
    }

    /** The name in a Host header, without its port; null when there is none. */
    static String hostName(String header) {
        if (header == null || header.isEmpty()) {
            return null;
        }
        String h = header.toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(1, end);
        }
        int colon = h.lastIndexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }

    /** Whether {@code address} (an IP literal or a name) is a loopback address. */
    static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}

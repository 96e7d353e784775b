package dev.flexconf.server.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * HTTP Basic authentication. A declared API key ({@code SK…}) with its secret acts for the account that
 * owns it; a declared account must give its token. In open mode (the default) any other Account SID
 * ({@code AC} and 32 hex digits) with any non-empty token is that account; in strict mode only declared
 * credentials pass. Everything else is 401 20003. Every resource is then read and written only for
 * {@link #account(Context)}. Immutable and thread-safe.
 */
public final class BasicAuth {
    private static final String ACCOUNT = BasicAuth.class.getName() + ".account";
    private static final Pattern ACCOUNT_SID = Pattern.compile("AC[0-9a-fA-F]{32}");

    /** Accepted headers and their accounts: credentials never change while the server runs. */
    private static final int REMEMBERED = 10_000;

    private final Credentials credentials;
    private final boolean strict;
    private final java.util.concurrent.ConcurrentHashMap<String, String> accepted = new java.util.concurrent.ConcurrentHashMap<>();

    public BasicAuth(Credentials credentials, boolean strict) {
        this.credentials = credentials;
        this.strict = strict;
    }

    /** A before-handler: resolves the caller's account or answers 401. */
    public void authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        String known = header == null ? null : accepted.get(header);
        if (known != null) {
            ctx.attribute(ACCOUNT, known);
            return;
        }
        if (header == null || header.length() < 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw TwilioException.unauthorized();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw TwilioException.unauthorized();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0 || colon == decoded.length() - 1) {
            throw TwilioException.unauthorized();
        }
        String account = accountFor(decoded.substring(0, colon), decoded.substring(colon + 1));
        if (account == null) {
            throw TwilioException.unauthorized();
        }
        if (accepted.size() >= REMEMBERED) {
            accepted.clear();
        }
        accepted.put(header, account);
        ctx.attribute(ACCOUNT, account);
    }

    private String accountFor(String user, String secret) {
        Credentials.Key key = credentials.key(user);
        if (key != null) {
            return same(key.secret(), secret) ? key.account() : null;
        }
        String token = credentials.token(user);
        if (token != null) {
            return same(token, secret) ? user : null;
        }
        return !strict && ACCOUNT_SID.matcher(user).matches() ? user : null;
    }

    private static boolean same(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    /** The account the request acts for; only valid after {@link #authenticate(Context)}. */
    public static String account(Context ctx) {
        String account = ctx.attribute(ACCOUNT);
        if (account == null) {
            throw new IllegalStateException("account read before authentication");
        }
        return account;
    }

    /** The account the request acts for, or null when it did not authenticate. */
    public static String accountOrNull(Context ctx) {
        return ctx.attribute(ACCOUNT);
    }
}

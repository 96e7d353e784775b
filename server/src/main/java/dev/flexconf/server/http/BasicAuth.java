package dev.flexconf.server.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * HTTP Basic authentication as FlexConf's open mode does it: any Account SID ({@code AC} and 32 hex
 * digits) with any non-empty token is that account. Everything else is 401 20003. Every resource is
 * then read and written only for {@link #account(Context)}. Stateless and thread-safe.
 */
public final class BasicAuth {
    private static final String ACCOUNT = BasicAuth.class.getName() + ".account";
    private static final Pattern ACCOUNT_SID = Pattern.compile("AC[0-9a-fA-F]{32}");

    private BasicAuth() {
    }

    /** A before-handler: resolves the caller's account or answers 401. */
    public static void authenticate(Context ctx) {
        String header = ctx.header("Authorization");
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
        String user = decoded.substring(0, colon);
        if (!ACCOUNT_SID.matcher(user).matches()) {
            throw TwilioException.unauthorized();
        }
        ctx.attribute(ACCOUNT, user);
    }

    /** The account the request acts for; only valid after {@link #authenticate(Context)}. */
    public static String account(Context ctx) {
        String account = ctx.attribute(ACCOUNT);
        if (account == null) {
            throw new IllegalStateException("account read before authentication");
        }
        return account;
    }
}

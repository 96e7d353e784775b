package dev.flexconf.server.admin;

/**
 * Who may use the admin API under {@code /__flexconf/}. Whatever is chosen, a browser's cross-site
 * request and a request naming a foreign host on a loopback connection (DNS rebinding) are refused
 * ({@link AdminGuard}). Immutable.
 *
 * @param enabled whether the admin API is served at all
 * @param token   when not null, the bearer token every admin call but health must carry
 */
public record AdminAccess(boolean enabled, String token) {
    /** Served, without a token: a local test tool, like WireMock's admin API (the default). */
    public static final AdminAccess OPEN = new AdminAccess(true, null);
    /** Not served: every admin path answers 404. */
    public static final AdminAccess OFF = new AdminAccess(false, null);

    public AdminAccess {
        if (token != null && token.isBlank()) {
            throw new IllegalArgumentException("an admin token must not be blank");
        }
    }

    /** Served to callers with {@code Authorization: Bearer <token>} only. */
    public static AdminAccess token(String token) {
        return new AdminAccess(true, token);
    }
}

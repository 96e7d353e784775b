package dev.flexconf.server.http;

import dev.flexconf.model.ListMeta;
import dev.flexconf.server.store.Keyset;
import dev.flexconf.server.store.Sequenced;
import io.javalin.http.Context;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio list paging over keyset positions. Reads {@code PageSize} (1..1000, default 50, larger values
 * clamped, the last of repeated values taken), {@code Page} (client state) and {@code PageToken}, and
 * builds the seven {@code meta} keys with absolute URLs.
 *
 * <p>A PageToken ({@code PT…}) carries a row position, a direction and a page index, signed with the
 * database's secret over the account and the list path, so a token is honoured only for the list and
 * account it was issued for and survives a restart on the same database. Thread-safe.
 */
public final class Paging {
    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final int MAX_PAGE_SIZE = 1000;
    private static final int MAC_BYTES = 16;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final BaseUrl baseUrl;
    /** A Mac is not thread-safe and costly to look up: one per thread, keyed once. */
    private final ThreadLocal<Mac> macs;

    public Paging(byte[] secret, BaseUrl baseUrl) {
        SecretKeySpec key = new SecretKeySpec(secret, "HmacSHA256");
        this.baseUrl = baseUrl;
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
            }
        });
    }

    /** One page of a list and the meta that describes it. */
    public record Page<R>(List<R> items, ListMeta meta) {
    }

    /**
     * The page the request asks for in list {@code key} ({@code configurations}, …), read by whoever owns
     * the list, in its own transaction. Its parameters are read and checked when it is read (a bad one is
     * a 400 before any row is): a list answered from a cache never pays for them.
     */
    public Request request(Context ctx, String key) {
        return new Request(ctx, key);
    }

    /** A page asked for, not yet read. Belongs to its request's thread. */
    public final class Request {
        private final Context ctx;
        private final String key;

        private Request(Context ctx, String key) {
            this.ctx = ctx;
            this.key = key;
        }

        /**
         * Reads the page from {@code fetch} and describes it.
         *
         * @param fetch reads rows at a keyset position, in the list's own order (see {@link Keyset#clause})
         */
        public <R extends Sequenced> Page<R> read(Function<Keyset, List<R>> fetch) {
            String account = BasicAuth.account(ctx);
            String path = ctx.path();
            int size = pageSize(ctx);
            Position position = position(ctx, account, path);
            int page = pageIndex(ctx, position);
            String token = ctx.queryParam("PageToken");
            String listUrl = baseUrl.of(ctx) + path + "?PageSize=" + size + "&Page=";

            List<R> rows = new ArrayList<>(fetch.apply(new Keyset(position.cursor, position.backward, size + 1)));
            boolean more = rows.size() > size;
            if (more) {
                rows.remove(rows.size() - 1);
            }
            if (position.backward) {
                Collections.reverse(rows);
            }
            boolean hasNext = position.backward ? position.cursor != null : more;
            boolean hasPrevious = position.backward ? more : position.cursor != null;
            ListMeta meta = new ListMeta()
                    .page(page)
                    .pageSize(size)
                    .firstPageUrl(URI.create(listUrl + 0))
                    .url(URI.create(listUrl + page + (token == null || token.isEmpty() ? "" : "&PageToken=" + token)))
                    .previousPageUrl(hasPrevious && !rows.isEmpty()
                            ? URI.create(listUrl + Math.max(0, page - 1) + "&PageToken="
                                    + sign(account, path, new Position(rows.get(0).seq(), true, Math.max(0, page - 1))))
                            : null)
                    .nextPageUrl(hasNext && !rows.isEmpty()
                            ? URI.create(listUrl + (page + 1) + "&PageToken="
                                    + sign(account, path, new Position(rows.get(rows.size() - 1).seq(), false, page + 1)))
                            : null)
                    .key(key);
            return new Page<>(rows, meta);
        }
    }

    private static int pageSize(Context ctx) {
        List<String> values = ctx.queryParams("PageSize");
        if (values.isEmpty()) {
            return DEFAULT_PAGE_SIZE;
        }
        String value = values.get(values.size() - 1).trim();
        long size;
        try {
            size = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw TwilioException.invalidParameter("PageSize", "must be an integer from 1 to " + MAX_PAGE_SIZE);
        }
        if (size < 1) {
            throw TwilioException.invalidParameter("PageSize", "must be an integer from 1 to " + MAX_PAGE_SIZE);
        }
        return (int) Math.min(size, MAX_PAGE_SIZE);
    }

    private static int pageIndex(Context ctx, Position position) {
        List<String> values = ctx.queryParams("Page");
        if (values.isEmpty()) {
            return position.page;
        }
        try {
            int page = Integer.parseInt(values.get(values.size() - 1).trim());
            if (page >= 0) {
                return page;
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw TwilioException.invalidParameter("Page", "must be a non-negative integer");
    }

    private record Position(Long cursor, boolean backward, int page) {
    }

    private Position position(Context ctx, String account, String path) {
        String token = ctx.queryParam("PageToken");
        if (token == null || token.isEmpty()) {
            return new Position(null, false, 0);
        }
        Position position = verify(account, path, token);
        if (position == null) {
            throw TwilioException.invalidParameter("PageToken", "was not issued for this list");
        }
        return position;
    }

    private String sign(String account, String path, Position position) {
        ByteBuffer payload = ByteBuffer.allocate(Long.BYTES + 1 + Integer.BYTES);
        payload.putLong(position.cursor).put((byte) (position.backward ? 1 : 0)).putInt(position.page);
        byte[] body = payload.array();
        return "PT" + B64.encodeToString(body) + B64.encodeToString(mac(account, path, body));
    }

    private Position verify(String account, String path, String token) {
        int macChars = B64.encodeToString(new byte[MAC_BYTES]).length();
        if (!token.startsWith("PT") || token.length() <= 2 + macChars) {
            return null;
        }
        try {
            byte[] body = B64D.decode(token.substring(2, token.length() - macChars));
            byte[] mac = B64D.decode(token.substring(token.length() - macChars));
            if (body.length != Long.BYTES + 1 + Integer.BYTES || !MessageDigest.isEqual(mac, mac(account, path, body))) {
                return null;
            }
            ByteBuffer payload = ByteBuffer.wrap(body);
            return new Position(payload.getLong(), payload.get() == 1, payload.getInt());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private byte[] mac(String account, String path, byte[] body) {
        Mac mac = macs.get();
        mac.update((account + '\n' + path + '\n').getBytes(StandardCharsets.UTF_8));
        byte[] full = mac.doFinal(body);
        byte[] truncated = new byte[MAC_BYTES];
        System.arraycopy(full, 0, truncated, 0, MAC_BYTES);
        return truncated;
    }
}

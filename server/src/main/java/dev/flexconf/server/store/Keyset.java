package dev.flexconf.server.store;

/**
 * A position in a list ordered by {@code seq}, the table's creation order: rows after (or, going
 * backward, before) {@code cursor}, at most {@code limit} of them. A page costs one index seek and
 * {@code limit} rows however deep it is. Immutable.
 *
 * @param cursor   the seq of the last row already seen, or null for the first page
 * @param backward true to read toward the start of the list (a previous page); rows then come in
 *                 reverse list order and the caller reverses them
 * @param limit    how many rows to read
 */
public record Keyset(Long cursor, boolean backward, int limit) {

    /**
     * The SQL that ends a query over {@code alias.seq}: the keyset condition (when there is a cursor),
     * then the order and the limit. Binds {@code :cursor} and {@code :limit}.
     *
     * @param newestFirst whether the list is ordered by seq descending
     */
    public String clause(String alias, boolean newestFirst) {
        boolean descending = newestFirst != backward;
        String seq = alias + ".seq";
        String where = cursor == null ? "" : " AND " + seq + (descending ? " < " : " > ") + ":cursor";
        return where + " ORDER BY " + seq + (descending ? " DESC" : " ASC") + " LIMIT :limit";
    }
}

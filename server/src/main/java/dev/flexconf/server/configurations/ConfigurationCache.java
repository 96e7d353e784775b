package dev.flexconf.server.configurations;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Configurations, and pages of their configured plugins, as ready JSON, keyed by base URL, account,
 * sid (and, for a page, its query). Safe because a configuration never changes after create except by
 * archive, and disappears only by reset; its configured plugins change only with their plugin or
 * version rows. Each of those invalidates after its commit: archive {@link #forget}s the configuration,
 * reset and any change to a plugin or a version {@link #clear()} everything. A reader takes a {@link #stamp()} before it reads the database and {@link #put} stores only
 * if no invalidation happened since, so a read that began before an archive's commit cannot bring back
 * the old JSON. Bounded: past {@code capacity} entries it starts over empty. Thread-safe: gets are
 * lock-free; puts and invalidations hold the cache's monitor.
 */
public final class ConfigurationCache {
    private final ConcurrentHashMap<String, byte[]> entries = new ConcurrentHashMap<>();
    private final int capacity;
    private volatile long stamp;

    public ConfigurationCache(int capacity) {
        this.capacity = capacity;
    }

    static String key(String base, String account, String sid) {
        return base + '\n' + account + '\n' + sid;
    }

    /** The key of a page of a configuration's configured plugins, {@code query} as the request gave it. */
    static String pluginsKey(String base, String account, String sid, String query) {
        return key(base, account, sid) + "\nPlugins?" + (query == null ? "" : query);
    }

    byte[] get(String key) {
        return entries.get(key);
    }

    /** Take before reading what will be put. */
    long stamp() {
        return stamp;
    }

    /** Stores {@code json} unless the cache was invalidated after {@code stampBeforeRead}. */
    synchronized void put(String key, byte[] json, long stampBeforeRead) {
        if (stampBeforeRead != stamp) {
            return;
        }
        if (entries.size() >= capacity) {
            entries.clear();
        }
        entries.put(key, json);
    }

    /** Forgets a configuration under every base URL; call after the archive committed. */
    synchronized void forget(String account, String sid) {
        stamp++;
        String suffix = '\n' + account + '\n' + sid;
        entries.keySet().removeIf(k -> k.endsWith(suffix));
    }

    /** Forgets everything; call after a reset, or a change to a plugin or a version, committed. */
    public synchronized void clear() {
        stamp++;
        entries.clear();
    }
}

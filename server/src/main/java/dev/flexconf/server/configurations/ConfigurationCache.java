package dev.flexconf.server.configurations;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Configurations as ready JSON, keyed by base URL, account and sid. Safe because a configuration never
 * changes after create except by archive, and disappears only by reset: both invalidate, after their
 * commit. A reader takes a {@link #stamp()} before it reads the database and {@link #put} stores only
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

    /** Forgets everything; call after a reset committed. */
    public synchronized void clear() {
        stamp++;
        entries.clear();
    }
}

package dev.flexconf.server.configurations;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Configurations, pages of their configured plugins, and pages of each account's configuration list,
 * as ready JSON, keyed by base URL, account, sid (and, for a page, its query). Safe because a
 * configuration never changes after create except by archive, and disappears only by reset; its
 * configured plugins change only with their plugin or version rows; an account's list changes only by
 * a create, an archive, a seed or a reset in that account. Each of those invalidates after its commit
 * and before it answers: archive {@link #forget}s the configuration and the account's list pages,
 * create and seed drop the account's list pages ({@link #listChanged}), reset and any change to a
 * plugin or a version {@link #clear()} everything.
 *
 * <p>No read can bring back what an invalidation dropped. A reader of a configuration or a plugins
 * page takes a {@link #stamp()} before it reads the database, and {@link #put} stores only if no
 * invalidation happened since. A reader of a list page takes the account's page map
 * ({@link #listPages}) before it reads, and stores into that map: an invalidation replaces the map, so
 * a page read before it lands in a map nobody looks at any more. Bounded: past {@code capacity}
 * entries, or {@link #LIST_PAGE_BYTES} of list pages, a part starts over empty. Thread-safe: gets are
 * lock-free; puts and invalidations of configurations hold the cache's monitor.
 */
public final class ConfigurationCache {
    /** How many bytes of list pages are kept, over all accounts. */
    static final long LIST_PAGE_BYTES = 4L * 1024 * 1024;
    /** A list page larger than this is not kept (a page of 1,000 is ~0.5 MB). */
    private static final int LARGEST_LIST_PAGE = 64 * 1024;

    private final ConcurrentHashMap<String, byte[]> entries = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Map<String, byte[]>> listPages = new ConcurrentHashMap<>();
    private final AtomicLong listPageBytes = new AtomicLong();
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

    /** The key of a page of an account's configuration list within {@link #listPages}. */
    static String listPageKey(String base, String query) {
        return base + "\nConfigurations?" + (query == null ? "" : query);
    }

    /**
     * The list pages of {@code account}, keyed by {@link #listPageKey}: take it before reading what will
     * be stored, then get from it and {@link #putListPage} into it.
     */
    Map<String, byte[]> listPages(String account) {
        if (listPages.size() >= capacity && !listPages.containsKey(account)) {
            listPages.clear();
            listPageBytes.set(0);
        }
        return listPages.computeIfAbsent(account, a -> new ConcurrentHashMap<>());
    }

    /** Stores a page into the map {@link #listPages} gave, if it is small enough and room is left. */
    void putListPage(Map<String, byte[]> pages, String key, byte[] json) {
        if (json.length > LARGEST_LIST_PAGE) {
            return;
        }
        if (listPageBytes.addAndGet(json.length) > LIST_PAGE_BYTES) {
            listPages.clear();
            listPageBytes.set(0);
            return;
        }
        byte[] replaced = pages.put(key, json); // two readers of one page both store it
        if (replaced != null) {
            listPageBytes.addAndGet(-replaced.length);
        }
    }

    /** Drops the list pages of {@code account}; call after a create or a seed in it committed. */
    public void listChanged(String account) {
        Map<String, byte[]> dropped = listPages.remove(account);
        if (dropped != null) {
            long bytes = 0;
            for (byte[] page : dropped.values()) {
                bytes += page.length;
            }
            listPageBytes.addAndGet(-bytes);
        }
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

    /** Forgets a configuration and its account's list pages; call after the archive committed. */
    synchronized void forget(String account, String sid) {
        listChanged(account);
        stamp++;
        String suffix = '\n' + account + '\n' + sid;
        entries.keySet().removeIf(k -> k.endsWith(suffix));
    }

    /** Forgets everything; call after a reset, or a change to a plugin or a version, committed. */
    public synchronized void clear() {
        stamp++;
        entries.clear();
        listPages.clear();
        listPageBytes.set(0);
    }
}

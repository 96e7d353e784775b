package dev.flexconf.server.configurations;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Configurations, pages of their configured plugins, and pages of each account's configuration list,
 * as ready JSON, per account and keyed by base URL and sid (and, for a page, its query). Safe because a
 * configuration never changes after create except by archive; its configured plugins change only with
 * their account's plugin and version rows; an account's list changes only by a create, an archive, a
 * seed or a reset in that account.
 *
 * <p>One mechanism keeps it right: an account's JSON lives in its current {@link Generation}, and a
 * change, told in domain terms after its commit and before its answer, replaces that generation
 * ({@link #configurationArchived}, {@link #accountChanged}, {@link #clear}) or its list pages
 * ({@link #configurationCreated}). A reader takes the account's generation ({@link #of}) before it
 * reads the database and stores into that one, so JSON read before a change lands in a generation
 * nobody looks at any more: no read can bring back what a change dropped.
 *
 * <p>Bounded: past {@code capacity} entries or accounts, or {@link #LIST_PAGE_BYTES} of list pages, it
 * starts over empty; a list page over {@link #LARGEST_LIST_PAGE} bytes is not kept. With capacity 0 it
 * keeps nothing (every read goes to the database): the setting for a database other processes write,
 * whose changes nobody here is told of. Thread-safe and lock-free.
 */
public final class ConfigurationCache {
    /** How many bytes of list pages are kept, over all accounts. */
    static final long LIST_PAGE_BYTES = 4L * 1024 * 1024;
    /** A list page larger than this is not kept (a page of 1,000 is ~0.5 MB). */
    private static final int LARGEST_LIST_PAGE = 64 * 1024;

    private final ConcurrentHashMap<String, Generation> accounts = new ConcurrentHashMap<>();
    private final AtomicLong entryCount = new AtomicLong();
    private final AtomicLong pageBytes = new AtomicLong();
    private final int capacity;

    public ConfigurationCache(int capacity) {
        this.capacity = capacity;
    }

    /** The account's current generation: take it before reading what will be stored into it. */
    Generation of(String account) {
        if (capacity == 0) {
            return new Generation(null, null);
        }
        Generation current = accounts.get(account);
        if (current != null) {
            return current;
        }
        if (accounts.size() >= capacity) {
            clear();
        }
        return accounts.computeIfAbsent(account, a -> new Generation(new ConcurrentHashMap<>(), new ConcurrentHashMap<>()));
    }

    /** A configuration was created in {@code account}: its list pages are stale. */
    void configurationCreated(String account) {
        Generation old = accounts.computeIfPresent(account, (a, g) -> new Generation(g.entries, new ConcurrentHashMap<>()));
        if (old != null) {
            pageBytes.addAndGet(-bytes(old.pages));
        }
    }

    /** A configuration of {@code account} was archived: it and the account's list pages are stale. */
    void configurationArchived(String account) {
        accountChanged(account);
    }

    /**
     * Anything else changed in {@code account}: a plugin or a version (configured plugins show their
     * names and archive flags), a seed or a reset of it. All of its JSON is stale.
     */
    public void accountChanged(String account) {
        Generation dropped = accounts.remove(account);
        if (dropped != null) {
            entryCount.addAndGet(-dropped.entries.size());
            pageBytes.addAndGet(-bytes(dropped.pages));
        }
    }

    /** Every account changed (a reset of all): everything is stale. */
    public void clear() {
        accounts.clear();
        entryCount.set(0);
        pageBytes.set(0);
    }

    private static long bytes(Map<String, byte[]> pages) {
        long total = 0;
        for (byte[] page : pages.values()) {
            total += page.length;
        }
        return total;
    }

    /** The key of a configuration's JSON. */
    static String key(String base, String sid) {
        return base + '\n' + sid;
    }

    /** The key of a page of a configuration's configured plugins, {@code query} as the request gave it. */
    static String pluginsKey(String base, String sid, String query) {
        return key(base, sid) + "\nPlugins?" + (query == null ? "" : query);
    }

    /** The key of a page of the account's configuration list. */
    static String listPageKey(String base, String query) {
        return base + "\nConfigurations?" + (query == null ? "" : query);
    }

    /** One account's JSON between two changes to it. */
    final class Generation {
        private final Map<String, byte[]> entries;
        private final Map<String, byte[]> pages;

        private Generation(Map<String, byte[]> entries, Map<String, byte[]> pages) {
            this.entries = entries;
            this.pages = pages;
        }

        byte[] entry(String key) {
            return entries == null ? null : entries.get(key);
        }

        void putEntry(String key, byte[] json) {
            if (entries == null) {
                return;
            }
            if (entryCount.incrementAndGet() > capacity) {
                clear();
                return;
            }
            if (entries.put(key, json) != null) {
                entryCount.decrementAndGet(); // two readers of one entry both store it
            }
        }

        byte[] page(String key) {
            return pages == null ? null : pages.get(key);
        }

        void putPage(String key, byte[] json) {
            if (pages == null || json.length > LARGEST_LIST_PAGE) {
                return;
            }
            if (pageBytes.addAndGet(json.length) > LIST_PAGE_BYTES) {
                clear();
                return;
            }
            byte[] replaced = pages.put(key, json);
            if (replaced != null) {
                pageBytes.addAndGet(-replaced.length);
            }
        }
    }
}

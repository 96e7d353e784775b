package dev.flexconf.server.journal;

import dev.flexconf.model.JournalEntry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

/**
 * The last {@code capacity} API requests, newest first; older entries are dropped as new ones come, and
 * also while the bodies kept pass {@link #MAX_TOTAL_BODY_BYTES}, so whatever clients send the journal
 * stays within a few megabytes. Thread-safe: every method holds the journal's monitor briefly.
 */
public final class RequestJournal {
    /** Bodies are kept up to this many bytes. */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    /** The bodies of all entries together are kept up to this many bytes (counted as UTF-16 chars). */
    public static final long MAX_TOTAL_BODY_BYTES = 8L * 1024 * 1024;

    private final int capacity;
    private final Deque<JournalEntry> entries;
    private long nextId = 1;
    private long bodyChars;

    public RequestJournal(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative");
        }
        this.capacity = capacity;
        this.entries = new ArrayDeque<>(Math.min(capacity, 4096));
    }

    /** Records an entry, giving it the next id. */
    public synchronized void record(JournalEntry entry) {
        if (capacity == 0) {
            return;
        }
        entry.setId(nextId++);
        entries.addFirst(entry);
        bodyChars += length(entry);
        while (entries.size() > capacity || (bodyChars > MAX_TOTAL_BODY_BYTES && entries.size() > 1)) {
            bodyChars -= length(entries.removeLast());
        }
    }

    private static long length(JournalEntry e) {
        return e.getBody() == null ? 0 : e.getBody().length();
    }

    /** The entries that {@code filter} accepts, newest first. */
    public List<JournalEntry> find(Predicate<JournalEntry> filter) {
        return find(filter, Long.MAX_VALUE, Integer.MAX_VALUE);
    }

    /** One page of entries, newest first, and the id to read the next one before (null when none is left). */
    public record Page(List<JournalEntry> entries, Long nextBefore) {
    }

    /** The page of at most {@code size} entries older than id {@code before} that {@code filter} accepts. */
    public Page page(Predicate<JournalEntry> filter, long before, int size) {
        List<JournalEntry> found = find(filter, before, size + 1);
        boolean more = found.size() > size;
        List<JournalEntry> entries = more ? found.subList(0, size) : found;
        return new Page(entries, more ? entries.get(entries.size() - 1).getId() : null);
    }

    private synchronized List<JournalEntry> find(Predicate<JournalEntry> filter, long before, int limit) {
        List<JournalEntry> found = new ArrayList<>();
        for (JournalEntry e : entries) {
            if (found.size() == limit) {
                break;
            }
            if (e.getId() < before && filter.test(e)) {
                found.add(e);
            }
        }
        return found;
    }

    /** Removes the entries that {@code filter} accepts. */
    public synchronized void remove(Predicate<JournalEntry> filter) {
        for (Iterator<JournalEntry> it = entries.iterator(); it.hasNext(); ) {
            JournalEntry e = it.next();
            if (filter.test(e)) {
                bodyChars -= length(e);
                it.remove();
            }
        }
    }
}

package dev.flexconf.server.journal;

import dev.flexconf.model.JournalEntry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

/**
 * The last {@code capacity} API requests, newest first; older entries are dropped as new ones come.
 * Thread-safe: every method holds the journal's monitor briefly.
 */
public final class RequestJournal {
    /** Bodies are kept up to this many bytes. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private final int capacity;
    private final Deque<JournalEntry> entries;
    private long nextId = 1;

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
        if (entries.size() == capacity) {
            entries.removeLast();
        }
        entries.addFirst(entry);
    }

    /** The entries that {@code filter} accepts, newest first. */
    public synchronized List<JournalEntry> find(Predicate<JournalEntry> filter) {
        List<JournalEntry> found = new ArrayList<>();
        for (JournalEntry e : entries) {
            if (filter.test(e)) {
                found.add(e);
            }
        }
        return found;
    }

    /** Removes the entries that {@code filter} accepts. */
    public synchronized void remove(Predicate<JournalEntry> filter) {
        for (Iterator<JournalEntry> it = entries.iterator(); it.hasNext(); ) {
            if (filter.test(it.next())) {
                it.remove();
            }
        }
    }
}

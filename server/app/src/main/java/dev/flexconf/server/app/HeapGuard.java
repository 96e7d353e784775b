package dev.flexconf.server.app;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryNotificationInfo;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import javax.management.NotificationEmitter;

/**
 * Ends the process, one line on stderr and {@link Main#EXIT_OUT_OF_MEMORY}, when its heap is exhausted,
 * so that a supervisor restarts it rather than keeping a process that answers nothing: when an
 * OutOfMemoryError reaches the top of any thread, or when the old generation is still over
 * {@link #FULL} of its maximum after a collection (the state in which the JVM throws OutOfMemoryError
 * wherever the next allocation happens, often inside a library that swallows it). The same as running
 * the JVM with {@code -XX:+ExitOnOutOfMemoryError}, which a jar cannot set for itself. Installed once,
 * by {@link Main}.
 */
final class HeapGuard {
    /** The share of the old generation's maximum still in use after a collection at which the process ends. */
    static final double FULL = 0.95;

    private HeapGuard() {
    }

    static void install() {
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (e instanceof OutOfMemoryError) {
                exit("OutOfMemoryError on thread " + thread.getName() + ": " + e.getMessage());
            } else if (previous != null) {
                previous.uncaughtException(thread, e);
            } else {
                e.printStackTrace();
            }
        });
        boolean watched = false;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            long max = pool.getUsage().getMax();
            if (pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported() && max > 0) {
                pool.setCollectionUsageThreshold((long) (max * FULL));
                watched = true;
            }
        }
        if (watched) {
            ((NotificationEmitter) ManagementFactory.getMemoryMXBean()).addNotificationListener((notification, handback) -> {
                if (MemoryNotificationInfo.MEMORY_COLLECTION_THRESHOLD_EXCEEDED.equals(notification.getType())) {
                    exit("the heap is still over " + Math.round(FULL * 100) + "% full after a collection");
                }
            }, null, null);
        }
    }

    private static void exit(String why) {
        long maxMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        System.err.println("flexconf-server: out of memory (" + why + "; heap limit " + maxMb
                + " MB): stopping now. Give it more with java -Xmx…, or lower --journal-size");
        Runtime.getRuntime().halt(Main.EXIT_OUT_OF_MEMORY);
    }
}

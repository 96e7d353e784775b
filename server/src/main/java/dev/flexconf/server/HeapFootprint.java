package dev.flexconf.server;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;

/**
 * Keeps the standalone emulator's heap near what it holds. By default the JVM starts with a heap of
 * 1/64 of the machine's memory and lets G1 grow its young generation into all of it, which a small
 * emulator never needs. At start, unless the launch set them, this lowers G1's free-heap ratios (flags
 * the JVM lets a running process change) and compacts once, so the heap shrinks to its live data and
 * grows only as far as garbage collection needs. Used by {@link Main} only: an emulator embedded in
 * someone's test JVM leaves that JVM's heap alone.
 */
final class HeapFootprint {
    static final String MIN_FREE = "10";
    static final String MAX_FREE = "20";

    private HeapFootprint() {
    }

    static void keepSmall() {
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            if (vm == null || !isDefault(vm, "MinHeapFreeRatio") || !isDefault(vm, "MaxHeapFreeRatio")) {
                return;
            }
            vm.setVMOption("MinHeapFreeRatio", MIN_FREE);
            vm.setVMOption("MaxHeapFreeRatio", MAX_FREE);
            System.gc();
        } catch (RuntimeException e) {
            // another JVM, or flags it will not change: the heap keeps the JVM's own sizing
        }
    }

    private static boolean isDefault(HotSpotDiagnosticMXBean vm, String flag) {
        return vm.getVMOption(flag).getOrigin() == VMOption.Origin.DEFAULT;
    }
}

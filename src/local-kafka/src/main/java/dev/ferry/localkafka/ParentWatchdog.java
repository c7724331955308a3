package dev.ferry.localkafka;

/**
 * Ends a child JVM when its parent goes away: a daemon thread reads {@code System.in} until end-of-file and then
 * halts. A parent that launched the child through {@link ChildJvm} keeps the write end of that pipe open for the
 * child's whole life, so when the parent dies for any reason (even {@code kill -9}) the child dies with it.
 */
public final class ParentWatchdog {

    private ParentWatchdog() {
    }

    /** Starts the watchdog thread; {@code what} names the child in the message it prints when halting. */
    public static void start(String what) {
        Thread watchdog = new Thread(() -> haltWhenParentGoesAway(what), "ferry-parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private static void haltWhenParentGoesAway(String what) {
        byte[] buffer = new byte[256];
        try {
            while (System.in.read(buffer) >= 0) {
                // The parent never writes; anything it might write is ignored.
            }
        } catch (java.io.IOException e) {
            // A broken pipe means the same thing as EOF: the parent is gone.
        }
        System.err.println("[ferry] parent process went away (stdin closed); halting " + what);
        Runtime.getRuntime().halt(0);
    }
}

package dev.ferry.localkafka;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Launches child JVMs on this JVM's class path with output appended to a log file, and makes sure none of them
 * outlives this JVM: a shutdown hook stops every child that is still running. Used for the local brokers and,
 * by the system tests, for Ferry node processes (which start {@link ParentWatchdog} when asked to).
 */
public final class ChildJvm {

    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();
    private static final Path SETSID = Paths.get("/usr/bin/setsid");
    private static final Duration HOOK_GRACE = Duration.ofSeconds(10);
    private static final Duration BARRIER_LIMIT = Duration.ofSeconds(90);
    private static volatile java.util.concurrent.CompletionStage<?> exitBarrier;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ChildJvm::stopAllOnExit, "ferry-local-kafka-shutdown"));
    }

    private ChildJvm() {
    }

    /**
     * Starts {@code java <jvmOptions> -cp <class path> <mainClass> <args>} with stdout and stderr appended to
     * {@code log}. Stdin stays an open pipe (see {@link BrokerMain}); the process is tracked until it exits.
     */
    public static Process launch(List<String> jvmOptions, String mainClass, List<String> args, Path log) {
        return launch(jvmOptions, mainClass, args, log, java.util.Map.of());
    }

    /** As {@link #launch(List, String, List, Path)}, with {@code environment} added to this JVM's environment. */
    public static Process launch(List<String> jvmOptions, String mainClass, List<String> args, Path log,
                                 java.util.Map<String, String> environment) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            // Own session: a Ctrl-C in the parent's terminal (SIGINT to its process group) must not stop the broker
            // before the parent has drained into it. The stdin watchdog still ends the child with the parent.
            command.add(SETSID.toString());
        }
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(ChildClasspath.resolve());
        command.add(mainClass);
        command.addAll(args);
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            RUNNING.add(process);
            process.onExit().thenRun(() -> {
                RUNNING.remove(process);
                closeQuietly(process.getOutputStream());
            });
            return process;
        } catch (IOException e) {
            throw new LocalKafkaException("cannot launch " + mainClass + ": " + e.getMessage(), e);
        }
    }

    /** Closes the child's stdin, for children that do not watch it (a {@link BrokerMain} would halt). */
    static void closeStdin(Process process) {
        closeQuietly(process.getOutputStream());
    }

    /**
     * Sends SIGTERM, waits up to {@code grace}, then SIGKILLs; returns once the process has exited. Signals go
     * through {@link ProcessHandle}: {@link Process#destroy()} would also close the child's stdin, which makes a
     * {@link BrokerMain} halt at once instead of shutting down cleanly.
     */
    public static void stop(Process process, Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.toHandle().destroy();
        if (!awaitExit(process, grace)) {
            kill(process);
        }
    }

    /** Sends SIGKILL and returns once the process has exited. */
    public static void kill(Process process) {
        process.destroyForcibly();
        boolean interrupted = false;
        while (process.isAlive()) {
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits up to {@code timeout} for the process to exit; true if it did. */
    public static boolean awaitExit(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** On JVM exit, children are stopped only after {@code barrier} completes (at most 90 s later). */
    static void stopOnExitAfter(java.util.concurrent.CompletionStage<?> barrier) {
        exitBarrier = barrier;
    }

    private static void stopAllOnExit() {
        java.util.concurrent.CompletionStage<?> barrier = exitBarrier;
        if (barrier != null) {
            try {
                barrier.toCompletableFuture().get(BARRIER_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                // stop the children anyway
            }
        }
        List<Process> children = new ArrayList<>(RUNNING);
        children.forEach(child -> child.toHandle().destroy());
        long deadline = System.nanoTime() + HOOK_GRACE.toNanos();
        for (Process child : children) {
            long left = Math.max(0, deadline - System.nanoTime());
            if (!awaitExit(child, Duration.ofNanos(left))) {
                child.destroyForcibly();
            }
        }
    }

    private static void closeQuietly(OutputStream stream) {
        try {
            stream.close();
        } catch (IOException ignored) {
            // the pipe is already gone
        }
    }
}

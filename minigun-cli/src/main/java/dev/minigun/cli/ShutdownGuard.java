package dev.minigun.cli;

import dev.minigun.Running;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Makes Ctrl-C (or any JVM shutdown) stop a command cleanly: it cancels the pipeline run it watches,
 * which stops every context, and holds the exit until the command has cleaned up (closed its
 * database, deleted its temporary files) or a grace period has passed. Closing the guard removes it.
 */
public final class ShutdownGuard implements AutoCloseable {
    private final AtomicReference<Running> watched = new AtomicReference<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread hook;

    private ShutdownGuard(Duration grace) {
        this.hook = Thread.ofPlatform().name("minigun-shutdown").unstarted(() -> {
            Running run = watched.get();
            if (run != null) {
                run.cancel();
            }
            try {
                closed.await(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** A guard, active until closed, that waits at most {@code grace} for the command to clean up. */
    public static ShutdownGuard install(Duration grace) {
        ShutdownGuard guard = new ShutdownGuard(grace);
        Runtime.getRuntime().addShutdownHook(guard.hook);
        return guard;
    }

    /** Cancels {@code run} if the JVM starts shutting down while the guard is active. */
    public void cancelOnShutdown(Running run) {
        watched.set(run);
    }

    /** Removes the guard; during a shutdown, lets the exit proceed. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running: counting down below is what it waits for.
        } finally {
            closed.countDown();
        }
    }
}

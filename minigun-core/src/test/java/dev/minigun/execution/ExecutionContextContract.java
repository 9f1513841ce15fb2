package dev.minigun.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.minigun.ContextKind;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link ExecutionContext} keeps, run once per implementation by a subclass
 * that says how to make one (JCTools' QueueSanityTest style).
 */
abstract class ExecutionContextContract {

    /** A fresh context named {@code name}. */
    abstract ExecutionContext newContext(String name);

    abstract ContextKind expectedKind();

    /** Whether {@code execute} runs the task to completion in the caller's thread. */
    abstract boolean runsInCaller();

    @Test
    void reportsItsNameAndKind() {
        ExecutionContext ctx = newContext("orders/parse#0");
        assertThat(ctx.name()).isEqualTo("orders/parse#0");
        assertThat(ctx.kind()).isEqualTo(expectedKind());
    }

    @Test
    void executeRunsTheTaskAndJoinWaitsForIt() throws Exception {
        ExecutionContext ctx = newContext("run");
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        ctx.execute(() -> ranOn.set(Thread.currentThread()));
        ctx.join();

        assertThat(ranOn.get()).isNotNull();
        assertThat(ranOn.get() == Thread.currentThread()).isEqualTo(runsInCaller());
        assertThat(ctx.isAlive()).isFalse();
    }

    @Test
    void isAliveWhileTheTaskRuns() throws Exception {
        ExecutionContext ctx = newContext("alive");
        AtomicBoolean aliveInside = new AtomicBoolean();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch inside = new CountDownLatch(1);
        Runnable task = () -> {
            aliveInside.set(ctx.isAlive());
            inside.countDown();
            if (!runsInCaller()) {
                awaitQuietly(release);
            }
        };
        ctx.execute(task);
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(aliveInside.get()).isTrue();
        if (!runsInCaller()) {
            assertThat(ctx.isAlive()).isTrue();
            assertThat(ctx.join(10))
                    .as("join with a short timeout while the task blocks")
                    .isFalse();
        }
        release.countDown();
        ctx.join();
        assertThat(ctx.isAlive()).isFalse();
    }

    @Test
    void terminateInterruptsABlockedTask() throws Exception {
        ExecutionContext ctx = newContext("terminate");
        CountDownLatch blocked = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        Runnable task = () -> {
            blocked.countDown();
            try {
                new CountDownLatch(1).await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        };
        if (runsInCaller()) {
            // The caller blocks inside execute: terminate it from another thread.
            Thread terminator = Thread.ofPlatform().start(() -> {
                awaitQuietly(blocked);
                ctx.terminate();
            });
            ctx.execute(task);
            terminator.join();
        } else {
            ctx.execute(task);
            assertThat(blocked.await(10, TimeUnit.SECONDS)).isTrue();
            ctx.terminate();
            assertThat(ctx.join(10_000)).isTrue();
        }
        assertThat(interrupted).isTrue();
        assertThat(ctx.isAlive()).isFalse();
    }

    @Test
    void runsOneTaskOnly() throws Exception {
        ExecutionContext ctx = newContext("once");
        ctx.execute(() -> {});
        ctx.join();
        assertThatThrownBy(() -> ctx.execute(() -> {}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("once");
    }

    @Test
    void joinBeforeExecuteReturnsAtOnce() throws Exception {
        ExecutionContext ctx = newContext("idle");
        ctx.join();
        assertThat(ctx.join(1)).isTrue();
        assertThat(ctx.isAlive()).isFalse();
        ctx.terminate();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

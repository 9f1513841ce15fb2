package dev.minigun.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.minigun.ContextKind;
import dev.minigun.PipelineDefinitionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ContextPoolTest {

    @Test
    void acquireHandsOutNamedContextsOfItsKindUpToTheLimit() {
        ContextPool pool = new ContextPool("orders", ContextKind.THREAD, 2);
        ExecutionContext a = pool.acquire("parse#0");
        ExecutionContext b = pool.acquire("parse#1");

        assertThat(a.name()).isEqualTo("orders/parse#0");
        assertThat(b.kind()).isEqualTo(ContextKind.THREAD);
        assertThat(pool.inUse()).isEqualTo(2);
        assertThatThrownBy(() -> pool.acquire("parse#2"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exhausted (limit 2)");
    }

    @Test
    void tryAcquireHandsOutWhatIsFreeAndNullPastTheLimitWithoutThrowing() {
        ContextPool pool = new ContextPool("orders", ContextKind.THREAD, 2);
        ExecutionContext a = pool.acquire("parse#0");
        ExecutionContext b = pool.tryAcquire("parse#1");

        assertThat(b).isNotNull();
        assertThat(b.name()).isEqualTo("orders/parse#1");
        assertThat(pool.tryAcquire("parse#2")).isNull();
        assertThat(pool.inUse()).isEqualTo(2);
        pool.release(a);
        assertThat(pool.tryAcquire("parse#2")).isNotNull();
        assertThat(pool.contexts())
                .extracting(ExecutionContext::name)
                .containsExactly("orders/parse#1", "orders/parse#2");
        assertThat(pool.peak()).isEqualTo(2);
    }

    @Test
    void releaseFreesASlotAndPeakRemembersTheMost() {
        ContextPool pool = new ContextPool("orders", ContextKind.VIRTUAL, 2);
        ExecutionContext a = pool.acquire("a");
        pool.acquire("b");
        pool.release(a);
        pool.acquire("c");

        assertThat(pool.inUse()).isEqualTo(2);
        assertThat(pool.peak()).isEqualTo(2);
    }

    @Test
    void joinAllWaitsForEveryContextAndTerminateAllInterruptsThem() throws Exception {
        ContextPool pool = new ContextPool("orders", ContextKind.THREAD, 3);
        CountDownLatch started = new CountDownLatch(3);
        CountDownLatch interrupted = new CountDownLatch(3);
        for (int i = 0; i < 3; i++) {
            pool.acquire("w" + i).execute(() -> {
                started.countDown();
                try {
                    new CountDownLatch(1).await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    interrupted.countDown();
                }
            });
        }
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(pool.joinAll(System.nanoTime() + 20_000_000L))
                .as("still running before terminate")
                .hasSize(3);

        pool.terminateAll();
        pool.joinAll();

        assertThat(interrupted.getCount()).isZero();
        assertThat(pool.joinAll(System.nanoTime())).isEmpty();
    }

    @Test
    void refusesALimitBelowOne() {
        assertThatThrownBy(() -> new ContextPool("p", ContextKind.THREAD, 0))
                .isInstanceOf(PipelineDefinitionException.class)
                .hasMessageContaining("at least 1");
    }

    @Test
    void kindsFromOtherModulesComeFromTheirFactoryWithinTheLimit() {
        ContextPool pool = new ContextPool("orders", ContextKind.PROCESS, 1);

        assertThatThrownBy(() -> pool.acquire("w#0"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("use acquire(name, factory)");
        ExecutionContext made = pool.acquire("w#0", ThreadContext::new);
        assertThat(made.name()).isEqualTo("orders/w#0");
        assertThatThrownBy(() -> pool.acquire("w#1", ThreadContext::new)).hasMessageContaining("exhausted (limit 1)");
    }
}

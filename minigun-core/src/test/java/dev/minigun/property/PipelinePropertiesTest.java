package dev.minigun.property;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minigun.property.CaseGenerator.Profile;
import dev.minigun.testing.ThreadCensus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The engine's promises, checked on random pipelines (see {@link CaseGenerator}): 1 to 8 stages,
 * fan-out under every routing, merges, batches, emitTo, inline/thread/virtual contexts of random
 * sizes and queue capacities, random item counts, injected failures under random policies, and
 * random cancels. For every run: nothing is lost (the report's accounting), the run ends (per-case
 * deadline), no thread outlives it, and it ends as the failures and cancels say; for every run
 * that completes: each sink received exactly what the {@link Model} predicts, and the report's
 * counts agree.
 *
 * <p>{@code -Dminigun.properties.tries=N} sets the number of cases across the three families
 * (default 2,000); see {@code docs/testing.md} for the 10,000-case profile and for replaying a
 * failure.
 */
class PipelinePropertiesTest {
    static final int TRIES = Integer.getInteger("minigun.properties.tries", 2000);

    @Test
    void runsWithoutFailuresOrCancelsDeliverExactlyWhatTheModelPredicts() {
        int ran = new PropertyRunner<>(
                        "clean runs",
                        new CaseGenerator(Profile.CLEAN)::generate,
                        CaseRunner::check,
                        PipelineCase::features)
                .run(Math.max(1, TRIES * 2 / 5));
        assertThat(ran).isPositive();
    }

    @Test
    void runsWithInjectedFailuresEndAsTheirErrorPoliciesSay() {
        int ran = new PropertyRunner<>(
                        "runs with failures",
                        new CaseGenerator(Profile.FAULTS)::generate,
                        CaseRunner::check,
                        PipelineCase::features)
                .run(Math.max(1, TRIES * 3 / 10));
        assertThat(ran).isPositive();
    }

    @Test
    void cancelledRunsStopWithEveryItemAccountedFor() {
        int ran = new PropertyRunner<>(
                        "cancelled runs",
                        new CaseGenerator(Profile.CANCELS)::generate,
                        CaseRunner::check,
                        PipelineCase::features)
                .run(Math.max(1, TRIES - TRIES * 2 / 5 - TRIES * 3 / 10));
        assertThat(ran).isPositive();
    }

    @AfterAll
    static void noEngineThreadOutlivesTheSuite() {
        assertThat(ThreadCensus.minigunThreads()).isEmpty();
    }
}

package dev.minigun.examples;

import static dev.minigun.testing.NoLoss.assertConserved;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PriorityAndAdaptivePoolsTest {

    @Test
    void priorityDecidesWhoGetsTheThreadsAndTheAdaptivePoolFollowsTheBursts() {
        Capture run = Capture.run(PriorityAndAdaptivePools::run);

        assertConserved(run.report());
        assertThat(run.report().outcome()).isEqualTo("completed");
        assertThat(run.output()).isEqualTo("""
            charge:    6 threads (priority 1)
            recommend: 1 thread (priority 0)
            maxThreads 8: 3 stages ask for 13, more than the limit: shared as {orders=1, charge=6, recommend=1} by priority {orders=0, charge=1, recommend=0} (8 in use at most, never more than 8)
            Charged 100 and recommended for 100 of 100 orders
            resize map THREAD 1..4 (adaptive) - 16 5 explicit Exec: own context of that kind
            Grew to 4 threads under the first burst: true
            Back to 1 thread when idle: true
            Grew to 4 again for the second burst: true
            Stored 300 of 300 thumbnails
            """);
    }
}

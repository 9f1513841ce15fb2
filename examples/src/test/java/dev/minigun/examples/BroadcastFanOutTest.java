package dev.minigun.examples;

import static dev.minigun.testing.NoLoss.assertNothingLost;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BroadcastFanOutTest {

    @Test
    void everyBranchReceivesEveryReading() {
        Capture run = Capture.run(BroadcastFanOut::run);

        assertNothingLost(run.report());
        assertThat(run.report().outcome()).isEqualTo("completed");
        assertThat(run.output()).isEqualTo("""
            Broadcast 9 readings to 3 branches:
              archive   received 9, archived 9
              too-hot   received 9, alarms [boiler-room at minute 1: 31.5 C, server-rack at minute 1: 34.0 C]
              averages  received 9, boiler-room 28.4 C, cold-store 3.1 C, server-rack 30.2 C
            The producer emitted 9 readings and made 27 deliveries
            """);
    }
}

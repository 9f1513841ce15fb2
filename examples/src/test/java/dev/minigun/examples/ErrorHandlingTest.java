package dev.minigun.examples;

import static dev.minigun.testing.NoLoss.assertConserved;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorHandlingTest {

    @Test
    void failFastSkipAndRetryWithDeadLetters() {
        Capture run = Capture.run(ErrorHandling::run);

        assertConserved(run.report());
        assertThat(run.output()).isEqualTo("""
            failFast (the default):
              pipeline 'pay-fail-fast': stage 'charge' failed on item Payment[id=P-2, card=4000-0002, cents=990]: java.io.IOException: gateway timeout
            skip:
              charged [P-1, P-5], failed 3
            retry 3 times on IOException, then dead-letter:
              charged [P-1, P-2, P-5]
              dead letter: P-3 after 1 attempt(s): invalid card BAD-CARD
              dead letter: P-4 after 3 attempt(s): gateway timeout
              retried 4, dead-lettered 2, consumed 3; hooks [beforeRun, afterRun completed]
            """);
    }
}

package dev.minigun.examples;

import static dev.minigun.testing.NoLoss.assertConserved;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VirtualThreadIoTest {

    @Test
    void tenThousandBlockingCallsOnVirtualThreadsAllComplete() {
        Capture run = Capture.run(VirtualThreadIo::run);

        assertConserved(run.report());
        assertThat(run.report().outcome()).isEqualTo("completed");
        assertThat(run.output()).isEqualTo("""
            check runs on 1000 virtual threads
            Checked 10000 links, 196 broken, checksum 1564833144
            Report: produced 10000, consumed 10000, failed 0
            """);
    }
}

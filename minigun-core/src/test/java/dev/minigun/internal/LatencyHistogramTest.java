package dev.minigun.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void anEmptyHistogramReadsZeroEverywhere() {
        LatencyHistogram h = new LatencyHistogram();

        assertThat(h.percentile(0.50)).isZero();
        assertThat(h.percentile(0.99)).isZero();
        assertThat(h.max()).isZero();
    }

    @Test
    void durationsOfNoTimeReadZero() {
        LatencyHistogram h = new LatencyHistogram();
        for (int i = 0; i < 100; i++) {
            h.record(0);
        }

        assertThat(h.percentile(0.50)).isZero();
        assertThat(h.percentile(0.99)).isZero();
    }

    @Test
    void percentilesAreWithinAnEighthOfTheTrueValueAndNeverAboveTheMax() {
        LatencyHistogram h = new LatencyHistogram();
        for (long micros = 1; micros <= 1000; micros++) {
            h.record(micros * 1000);
        }

        assertThat((double) h.percentile(0.50)).isCloseTo(500_000, within(500_000 / 8.0));
        assertThat((double) h.percentile(0.99)).isCloseTo(990_000, within(990_000 / 8.0));
        assertThat(h.percentile(1.0)).isEqualTo(h.max()).isEqualTo(1_000_000);
    }
}

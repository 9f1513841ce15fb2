package dev.minigun;

import static dev.minigun.testing.NoLoss.assertConserved;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

class QuickStartTest {

    @Test
    void itemsFlowFromProducerThroughMapAndFilterToConsumer() {
        Pipeline p = Pipeline.create("quick");
        ConcurrentLinkedQueue<Integer> got = new ConcurrentLinkedQueue<>();
        p.producer("numbers", (Emitter<Integer> out) -> {
                    for (int i = 1; i <= 1000; i++) {
                        out.emit(i);
                    }
                })
                .map("square", i -> i * i)
                .filter("odd", i -> i % 2 == 1)
                .consume("collect", got::add);

        RunReport report = assertConserved(p.run());

        assertThat(report.produced()).isEqualTo(1000);
        assertThat(report.filtered()).isEqualTo(500);
        assertThat(report.consumed()).isEqualTo(500);
        assertThat(List.copyOf(got)).hasSize(500).allMatch(i -> i % 2 == 1).startsWith(1, 9, 25);
    }
}

package dev.minigun.examples;

import static dev.minigun.testing.NoLoss.assertConserved;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NestedFragmentTest {

    @Test
    void fragmentStagesAreScopedUnderTheFragmentName() {
        Capture run = Capture.run(NestedFragment::run);

        assertConserved(run.report());
        assertThat(run.report().outcome()).isEqualTo("completed");
        assertThat(run.output()).isEqualTo("""
            Stages and where they run:
              gateway        THREAD  own context
              enrich/parse   THREAD  called directly by gateway
              enrich/locate  THREAD  called directly by enrich/parse
              store          THREAD  called directly by enrich/locate
            Stored readings:
              cold store (cs-1) 3.5 C
              cold store (cs-1) 4.0 C
              greenhouse north (gh-1) 21.5 C
              greenhouse north (gh-1) 22.0 C
              greenhouse south (gh-2) 23.0 C
              greenhouse south (gh-2) 24.5 C
            Report: enrich/parse in 6, enrich/locate out 6, store consumed 6
            """);
    }
}

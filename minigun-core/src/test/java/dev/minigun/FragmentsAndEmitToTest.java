package dev.minigun;

import static dev.minigun.testing.NoLoss.assertNothingLost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class FragmentsAndEmitToTest {
    record Order(String id, int cents) {}

    static final Function<Stage<Order>, Stage<Order>> PRICING =
            s -> s.filter("positive", o -> o.cents() > 0).map("taxed", o -> new Order(o.id(), o.cents() * 6 / 5));

    static Source<Order> orders(int n) {
        return out -> {
            for (int i = 0; i < n; i++) {
                out.emit(new Order("o" + i, i % 10));
            }
        };
    }

    @Test
    void aFragmentScopesTheNamesOfTheStagesItAdds() {
        Pipeline p = Pipeline.create("shop");
        ConcurrentLinkedQueue<Order> got = new ConcurrentLinkedQueue<>();
        Stage<Order> priced = p.producer("orders", orders(100)).then("pricing", PRICING);
        priced.consume("store", got::add);

        RunReport report = assertNothingLost(p.run());

        assertThat(priced.name()).isEqualTo("pricing/taxed");
        assertThat(report.stages())
                .extracting(StageReport::name)
                .containsExactly("orders", "pricing/positive", "pricing/taxed", "store");
        assertThat(report.stage("pricing/positive").filtered()).isEqualTo(10);
        assertThat(got).hasSize(90);
    }

    @Test
    void fragmentsNestAndTheSameFragmentCanBeUsedTwice() {
        Pipeline p = Pipeline.create("shop");
        Stage<Order> source = p.producer("orders", orders(10));
        source.then("eu", s -> s.then("pricing", PRICING)).consume("eu-store", o -> {});
        source.then("us", PRICING).consume("us-store", o -> {});

        assertThat(p.plan().placements())
                .extracting(placement -> placement.stage())
                .containsExactly(
                        "orders",
                        "eu/pricing/positive",
                        "eu/pricing/taxed",
                        "eu-store",
                        "us/positive",
                        "us/taxed",
                        "us-store");
    }

    @Test
    void emitToResolvesAnExactNameFirstThenAUniqueShortName() {
        Pipeline p = Pipeline.create("routes");
        ConcurrentLinkedQueue<String> audit = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> scopedAudit = new ConcurrentLinkedQueue<>();
        p.producer("orders", orders(4)).process("route", (Order o, Emitter<Object> out) -> {
            out.emitTo("audit", o.id()); // exact: the top-level 'audit', though 'checks/audit' exists too
            out.emitTo("deep", o.id()); // short: the only stage called 'deep' is 'checks/deep'
        });
        p.consumer("audit", Exec.threads(1), (String id) -> audit.add(id));
        p.producer("checks-source", (Emitter<String> out) -> {}).then("checks", s -> {
            s.consume("audit", Exec.threads(1), id -> {});
            return s.consume("deep", Exec.threads(1), scopedAudit::add);
        });

        assertNothingLost(p.run());

        assertThat(audit).containsExactlyInAnyOrder("o0", "o1", "o2", "o3");
        assertThat(scopedAudit).containsExactlyInAnyOrder("o0", "o1", "o2", "o3");
    }

    @Test
    void anAmbiguousShortNameFailsTheItemNamingEveryMatch() {
        Pipeline p = Pipeline.create("routes");
        Stage<Order> source = p.producer("orders", orders(1));
        source.process("route", (Order o, Emitter<Object> out) -> out.emitTo("sink", o));
        source.then("a", s -> s.consume("sink", Exec.threads(1), o -> {}));
        source.then("b", s -> s.consume("sink", Exec.threads(1), o -> {}));

        assertThatThrownBy(p::run)
                .isInstanceOf(PipelineException.class)
                .hasMessageContaining("stage 'route' failed on item Order[id=o0, cents=0]")
                .hasMessageContaining("ambiguous stage name 'sink': found 2 matches (a/sink, b/sink)")
                .satisfies(
                        e -> assertNothingLost(((PipelineException) e).report().orElseThrow()));
    }

    @Test
    void emitToAnUnknownNameFailsTheItemNamingThatName() {
        Pipeline p = Pipeline.create("routes");
        p.producer("orders", orders(3)).process("route", (Order o, Emitter<Object> out) -> out.emitTo("archive", o));

        PipelineException e = org.junit.jupiter.api.Assertions.assertThrows(PipelineException.class, p::run);

        assertThat(e.stage()).contains("route");
        assertThat(e.getMessage()).contains("stage 'route' emitted to unknown stage 'archive': no stage has that name");
        long failed = e.report().orElseThrow().stage("route").failed();
        assertThat(failed)
                .as("the producer's loop may get further items out before it sees the cancel")
                .isBetween(1L, 3L);
        assertThat(e.getSuppressed())
                .as("later failures are suppressed, not lost")
                .hasSize((int) failed - 1);
    }

    @Test
    void emitToAStageColocatedInAnotherContextIsRefusedWithAFix() {
        Pipeline p = Pipeline.create("routes");
        Stage<Order> a = p.producer("a", orders(1));
        a.consume("a-sink", o -> {});
        p.producer("b", orders(1)).process("route", (Order o, Emitter<Object> out) -> out.emitTo("a-sink", o));

        assertThatThrownBy(p::run)
                .isInstanceOf(PipelineException.class)
                .hasMessageContaining("cannot emitTo 'a-sink': that stage runs colocated in the context of 'a'")
                .hasMessageContaining("give 'a-sink' a context of its own");
    }

    @Test
    void anItemOfTheWrongTypeSentByEmitToIsExplained() {
        Pipeline p = Pipeline.create("routes");
        p.producer("orders", orders(1)).process("route", (Order o, Emitter<Object> out) -> out.emitTo("ids", o));
        p.consumer("ids", (String id) -> {});

        assertThatThrownBy(p::run)
                .isInstanceOf(PipelineException.class)
                .hasMessageContaining("stage 'ids' failed on item Order[id=o0, cents=0]: java.lang.ClassCastException")
                .hasMessageEndingWith(
                        "(the item's type, dev.minigun.FragmentsAndEmitToTest$Order, is not what this stage"
                                + " takes: if it came through emitTo, check the stage that sent it)");
    }

    @Test
    void itemsAreTheSameObjectOnEveryBroadcastBranch() {
        Pipeline p = Pipeline.create("shared");
        ConcurrentLinkedQueue<Order> left = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Order> right = new ConcurrentLinkedQueue<>();
        Stage<Order> source = p.producer("orders", orders(1));
        source.consume("left", left::add);
        source.consume("right", right::add);

        assertNothingLost(p.run());

        assertThat(List.copyOf(left).getFirst()).isSameAs(List.copyOf(right).getFirst());
    }
}

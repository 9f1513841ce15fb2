package dev.minigun;

import static dev.minigun.testing.NoLoss.assertNothingLost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every error a running pipeline reports, with the exact message a user sees: it names the stage
 * (or hook), says what went wrong, and where there is something to do, what. The definition errors
 * are in {@link DefinitionErrorsTest}.
 */
class RunErrorMessagesTest {
    record Invoice(String id, long cents) {}

    static Stage<Invoice> invoices(Pipeline p) {
        return p.producer("invoices", (Emitter<Invoice> out) -> {
            out.emit(new Invoice("INV-1", 1200));
            out.emit(new Invoice("INV-2", 0));
        });
    }

    static Arguments error(String what, Consumer<Pipeline> definition, String stage, String message) {
        return Arguments.of(what, definition, stage, message);
    }

    static Stream<Arguments> errors() {
        String longText = "x".repeat(500);
        return Stream.of(
                error(
                        "a stage throws",
                        p -> invoices(p).map("price", i -> 100 / i.cents()).consume("store", x -> {}),
                        "price",
                        "pipeline 'billing': stage 'price' failed on item Invoice[id=INV-2, cents=0]:"
                                + " java.lang.ArithmeticException: / by zero"),
                error(
                        "a stage throws on a huge item: its text is cut at 200 characters",
                        p -> p.producer("notes", (Emitter<String> out) -> out.emit(longText))
                                .consume("store", s -> {
                                    throw new IllegalArgumentException("too long");
                                }),
                        "store",
                        "pipeline 'billing': stage 'store' failed on item " + "x".repeat(200) + "...:"
                                + " java.lang.IllegalArgumentException: too long"),
                error(
                        "a retried stage gives up",
                        p -> invoices(p)
                                .map("price", i -> 100 / i.cents())
                                .onError(ErrorPolicy.retry(3, Duration.ZERO))
                                .consume("store", x -> {}),
                        "price",
                        "pipeline 'billing': stage 'price' failed on item Invoice[id=INV-2, cents=0] after 3 attempts:"
                                + " java.lang.ArithmeticException: / by zero"),
                error(
                        "a producer throws",
                        p -> p.producer("invoices", (Emitter<Invoice> out) -> {
                                    throw new java.io.IOException("ledger file missing");
                                })
                                .consume("store", x -> {}),
                        "invoices",
                        "pipeline 'billing': stage 'invoices' failed: java.io.IOException: ledger file missing"),
                error(
                        "emitTo an unknown stage",
                        p -> invoices(p).process("route", (Invoice i, Emitter<Object> out) -> out.emitTo("archive", i)),
                        "route",
                        "pipeline 'billing': stage 'route' failed on item Invoice[id=INV-1, cents=1200]:"
                                + " dev.minigun.PipelineException: stage 'route' emitted to unknown stage 'archive':"
                                + " no stage has that name; stages that take items: [route]"),
                error(
                        "emit null",
                        p -> invoices(p).map("price", i -> (Long) null).consume("store", x -> {}),
                        "price",
                        "pipeline 'billing': stage 'price' failed on item Invoice[id=INV-1, cents=1200]:"
                                + " dev.minigun.PipelineException: stage 'price' emitted null: emit a value (use"
                                + " Optional or a record to say 'nothing')"),
                error(
                        "emit from a processor with no downstream",
                        p -> invoices(p).process("price", (Invoice i, Emitter<Long> out) -> out.emit(i.cents())),
                        "price",
                        "pipeline 'billing': stage 'price' failed on item Invoice[id=INV-1, cents=1200]:"
                                + " dev.minigun.PipelineException: stage 'price' emitted an item but has no downstream"
                                + " stage: add a stage after it, or use emitTo"),
                error(
                        "a byKey key that returns null",
                        p -> {
                            Stage<Invoice> i = invoices(p).routing(Routing.byKey(x -> null));
                            i.consume("a", x -> {});
                            i.consume("b", x -> {});
                        },
                        "invoices",
                        "pipeline 'billing': stage 'invoices' failed: dev.minigun.PipelineException: the byKey routing"
                                + " key of stage 'invoices' returned null for Invoice[id=INV-1, cents=1200]"),
                error(
                        "a beforeRun hook throws",
                        p -> {
                            p.beforeRun(() -> {
                                throw new IllegalStateException("no database");
                            });
                            invoices(p).consume("store", x -> {});
                        },
                        null,
                        "pipeline 'billing': beforeRun hook failed: java.lang.IllegalStateException: no database"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void saysWhatFailedWhereAndWhy(String what, Consumer<Pipeline> definition, String stage, String message) {
        Pipeline p = Pipeline.create("billing");
        definition.accept(p);

        PipelineException e = assertThrows(PipelineException.class, p::run);

        assertThat(e).hasMessage(message);
        assertThat(e.stage()).isEqualTo(java.util.Optional.ofNullable(stage));
        assertNothingLost(e.report().orElseThrow());
    }
}

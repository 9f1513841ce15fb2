package dev.minigun.process;

import dev.minigun.Emitter;
import dev.minigun.ItemFunction;
import dev.minigun.ItemPredicate;
import dev.minigun.Processor;
import dev.minigun.Sink;
import java.util.ArrayList;
import java.util.List;

/** Runs a stage's code on one item where the stage lives (a worker, an isolated thread) and records what it did. */
final class StageRunner {
    private final String kind;
    private final Object function;

    StageRunner(String kind, Object function) {
        this.kind = kind;
        this.function = function;
    }

    /**
     * What the code did with one item: the items it emitted, in order, with their {@code emitTo}
     * targets ({@code null} for a plain emit), whether it filtered the item, or what it threw.
     */
    record Result(List<String> targets, List<Object> items, boolean filtered, Throwable error) {
        static Result failed(Throwable error) {
            return new Result(List.of(), List.of(), false, error);
        }
    }

    /** Collects emissions. */
    private static final class Collected implements Emitter<Object> {
        final List<String> targets = new ArrayList<>();
        final List<Object> items = new ArrayList<>();

        @Override
        public void emit(Object item) {
            targets.add(null);
            items.add(item);
        }

        @Override
        public void emitTo(String stage, Object item) {
            targets.add(java.util.Objects.requireNonNull(stage, "stage"));
            items.add(item);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    Result run(Object item) {
        Collected out = new Collected();
        try {
            boolean filtered = false;
            switch (kind) {
                case "process" -> ((Processor) function).process(item, out);
                case "map" -> out.emit(((ItemFunction) function).apply(item));
                case "filter" -> {
                    if (((ItemPredicate) function).test(item)) {
                        out.emit(item);
                    } else {
                        filtered = true;
                    }
                }
                case "consumer" -> ((Sink) function).consume(item);
                default -> throw new IllegalStateException("unknown stage kind " + kind);
            }
            return new Result(out.targets, out.items, filtered, null);
        } catch (Throwable t) {
            return Result.failed(t);
        }
    }
}

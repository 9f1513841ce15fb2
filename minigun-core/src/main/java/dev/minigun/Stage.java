package dev.minigun;

import dev.minigun.execution.Operation;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A typed handle on one stage's output, used to add the stages it feeds. Calling {@link #process}
 * (or {@code map}, {@code filter}, ...) twice on one handle is fan-out: each call adds a branch, and
 * {@link #routing} says how items are split among them (every item to every branch by default).
 *
 * <p>A stage without an {@link Exec} lets the plan decide where it runs: in its upstream's context by
 * a direct call when that is safe, on a context of its own otherwise.
 *
 * @param <T> the type of the items this stage emits
 */
public final class Stage<T> {
    private final Pipeline pipeline;
    private final String name;

    Stage(Pipeline pipeline, String name) {
        this.pipeline = pipeline;
        this.name = name;
    }

    /** The stage's name (scoped as {@code fragment/inner} inside a fragment). */
    public String name() {
        return name;
    }

    /** The pipeline this stage belongs to. */
    public Pipeline pipeline() {
        return pipeline;
    }

    /** A stage that runs {@code processor} on each item of this one. */
    public <R> Stage<R> process(String name, Processor<? super T, R> processor) {
        return process(name, null, processor);
    }

    /** A stage on {@code exec} that runs {@code processor} on each item of this one. */
    public <R> Stage<R> process(String name, Exec exec, Processor<? super T, R> processor) {
        return next(name, new Operation.Process(Pipeline.required(name, "processor", processor)), exec);
    }

    /** A stage that emits {@code fn(item)} for each item of this one. */
    public <R> Stage<R> map(String name, ItemFunction<? super T, ? extends R> fn) {
        return map(name, null, fn);
    }

    /** A stage on {@code exec} that emits {@code fn(item)} for each item of this one. */
    public <R> Stage<R> map(String name, Exec exec, ItemFunction<? super T, ? extends R> fn) {
        return next(name, new Operation.Map(Pipeline.required(name, "function", fn)), exec);
    }

    /** A stage that passes on the items for which {@code predicate} holds; the others count as filtered. */
    public Stage<T> filter(String name, ItemPredicate<? super T> predicate) {
        return filter(name, null, predicate);
    }

    /** A filter on {@code exec}. */
    public Stage<T> filter(String name, Exec exec, ItemPredicate<? super T> predicate) {
        return next(name, new Operation.Filter(Pipeline.required(name, "predicate", predicate)), exec);
    }

    /** A stage that emits this one's items in lists of {@code size}; the last, partial list at the end. */
    public Stage<List<T>> batch(String name, int size) {
        return batch(name, size, Optional.empty());
    }

    /** Like {@link #batch(String, int)}, also emitting a partial list once its first item has waited {@code maxWait}. */
    public Stage<List<T>> batch(String name, int size, Duration maxWait) {
        if (maxWait == null || maxWait.isNegative() || maxWait.isZero()) {
            throw new PipelineDefinitionException(
                    name,
                    "batch '" + name + "': maxWait must be positive, was " + maxWait
                            + ": give a duration such as 200 ms");
        }
        return batch(name, size, Optional.of(maxWait));
    }

    private Stage<List<T>> batch(String name, int size, Optional<Duration> maxWait) {
        if (size <= 0) {
            throw new PipelineDefinitionException(
                    name,
                    "batch '" + name + "': size must be at least 1, was " + size + ": give a positive batch size");
        }
        return next(name, new Operation.Batch(size, maxWait), null);
    }

    /** A consumer of this stage's items. The handle it returns takes {@code onError}, not more stages. */
    public Stage<Void> consume(String name, Sink<? super T> sink) {
        return consume(name, null, sink);
    }

    /** A consumer on {@code exec}. */
    public Stage<Void> consume(String name, Exec exec, Sink<? super T> sink) {
        return next(name, new Operation.Consume(Pipeline.required(name, "sink", sink)), exec);
    }

    /** How this stage splits its items among several downstream branches (default: broadcast). */
    public Stage<T> routing(Routing routing) {
        if (routing == null) {
            throw new PipelineDefinitionException(name, "stage '" + name + "': routing must not be null");
        }
        pipeline.update(name, s -> s.withRouting(routing));
        return this;
    }

    /** What this stage does when its code throws (default: {@link ErrorPolicy#failFast()}). */
    public Stage<T> onError(ErrorPolicy policy) {
        if (policy == null) {
            throw new PipelineDefinitionException(name, "stage '" + name + "': error policy must not be null");
        }
        pipeline.update(name, s -> s.withErrorPolicy(policy));
        return this;
    }

    /** Runs {@code hook} once, in the stage's context, before the stage's first item. */
    public Stage<T> beforeStage(Hook hook) {
        Hook h = Pipeline.required(name, "beforeStage hook", hook);
        pipeline.update(name, s -> s.withBeforeStage(h));
        return this;
    }

    /** Runs {@code hook} once, after the stage's last item (and its final flush). */
    public Stage<T> afterStage(Hook hook) {
        Hook h = Pipeline.required(name, "afterStage hook", hook);
        pipeline.update(name, s -> s.withAfterStage(h));
        return this;
    }

    /**
     * Applies a reusable fragment to this stage: the stages {@code fragment} adds are named
     * {@code name/inner}. Returns the stage the fragment returns.
     */
    public <R> Stage<R> then(String name, Function<Stage<T>, Stage<R>> fragment) {
        if (fragment == null) {
            throw new PipelineDefinitionException(name, "fragment '" + name + "' is null: pass a function of a stage");
        }
        Stage<R> last = pipeline.scoped(name, () -> fragment.apply(this));
        if (last == null || last.pipeline != pipeline) {
            throw new PipelineDefinitionException(
                    name,
                    "fragment '" + name + "' returned " + (last == null ? "null" : "a stage of another pipeline")
                            + ": return the last stage the fragment added");
        }
        return last;
    }

    private <R> Stage<R> next(String next, Operation operation, Exec exec) {
        if (pipeline.spec(name).operation().isSink()) {
            throw new PipelineDefinitionException(
                    next,
                    "stage '" + next + "' cannot follow '" + name
                            + "': a consumer emits nothing; add it after the stage before '" + name + "'");
        }
        return pipeline.add(next, operation, List.of(name), exec);
    }

    @Override
    public String toString() {
        return "Stage[" + name + "]";
    }
}

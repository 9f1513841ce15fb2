package dev.minigun.internal;

import dev.minigun.Emitter;
import dev.minigun.PipelineException;
import dev.minigun.Routing;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@link Emitter} a stage's code writes to: splits each item among the stage's downstream
 * targets according to its {@link Routing}, and resolves {@code emitTo} names through the
 * {@link Directory}. It counts what was emitted and delivered, so the report can show that every
 * delivery reached a stage.
 */
public final class Outlet implements Emitter<Object> {
    private final String stage;
    private final Target[] targets;
    private final StageNode sole;
    private final Routing routing;
    private final StageCounters counters;
    private final Directory directory;
    private final AtomicInteger turn = new AtomicInteger();

    /** The outlet of {@code stage}, feeding {@code targets} in definition order. */
    public Outlet(String stage, List<Target> targets, Routing routing, StageCounters counters, Directory directory) {
        this.stage = stage;
        this.targets = targets.toArray(Target[]::new);
        this.sole = this.targets.length == 1 && this.targets[0] instanceof DirectTarget d ? d.node() : null;
        if (sole != null) {
            sole.counters.feedFrom(counters);
        }
        this.routing = routing;
        this.counters = counters;
        this.directory = directory;
    }

    @Override
    public void emit(Object item) {
        StageNode n = sole;
        if (n != null && item != null) { // kept small, so that it inlines into a producer's loop
            if (StageNode.sampleDue(counters.handedOn.tick())) {
                n.acceptTimed(item); // the head of a fused chain picks the items it times
            } else {
                n.acceptCounted(item);
            }
        } else {
            route(item);
        }
    }

    private void route(Object item) {
        checkNotNull(item);
        counters.emitted.increment();
        Target[] ts = targets;
        if (ts.length == 1) {
            ts[0].accept(item, counters);
            return;
        }
        if (ts.length == 0) {
            throw new PipelineException(
                    stage,
                    "stage '" + stage
                            + "' emitted an item but has no downstream stage: add a stage after it, or use emitTo");
        }
        switch (routing) {
            case Routing.Broadcast b -> {
                for (Target t : ts) {
                    t.accept(item, counters);
                }
            }
            case Routing.RoundRobin r -> {
                ts[Math.floorMod(turn.getAndIncrement(), ts.length)].accept(item, counters);
            }
            case Routing.ByKey k -> {
                ts[Math.floorMod(keyHash(k, item), ts.length)].accept(item, counters);
            }
        }
    }

    private int keyHash(Routing.ByKey routingByKey, Object item) {
        Object key;
        try {
            key = routingByKey.key().apply(item);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new PipelineException(stage, "the byKey routing key of stage '" + stage + "' threw: " + e, e);
        }
        if (key == null) {
            throw new PipelineException(
                    stage, "the byKey routing key of stage '" + stage + "' returned null for " + item);
        }
        int h = key.hashCode();
        return h ^ (h >>> 16);
    }

    /** The sole downstream stage when it is colocated (called directly), else {@code null}. */
    StageNode soleColocated() {
        return sole;
    }

    @Override
    public void emitTo(String target, Object item) {
        checkNotNull(item);
        Target t = directory.resolve(stage, target);
        counters.emitted.increment();
        t.accept(item, counters);
    }

    /**
     * Hands a failed item to the dead-letter stage {@code target}: a delivery like any other (so the
     * books balance), but not an emission of this stage.
     */
    public void sendDeadLetter(String target, Object deadLetter) {
        directory.resolve(stage, target).accept(deadLetter, counters);
    }

    /** Fails now if {@code target} cannot be resolved, so a buffered emitTo fails inside the attempt. */
    public void checkTarget(String target) {
        directory.resolve(stage, target);
    }

    @Override
    public void expect(long total) {
        counters.expected = total;
    }

    private void checkNotNull(Object item) {
        if (item == null) {
            throw new PipelineException(
                    stage,
                    "stage '" + stage + "' emitted null: emit a value (use Optional or a record to say 'nothing')");
        }
    }
}

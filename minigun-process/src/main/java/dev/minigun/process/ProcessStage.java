package dev.minigun.process;

import dev.minigun.execution.ExecutionContext;
import dev.minigun.execution.RemoteOutcome;
import dev.minigun.execution.RemoteStage;
import java.util.ArrayList;
import java.util.List;

/**
 * A stage on {@code Exec.processes(n)} for one run: it makes the stage's {@link ProcessContext}s
 * (one worker JVM each) and routes each batch to the context whose thread calls.
 */
final class ProcessStage implements RemoteStage {
    private final StageShipment shipment;
    private final String pipeline;
    private final RestartPolicy restarts;
    private final ShippedStage shipped;
    private final ThreadLocal<ProcessContext> current = new ThreadLocal<>();
    private final List<ProcessContext> contexts = new ArrayList<>();
    private boolean closed;

    ProcessStage(StageShipment shipment, String pipeline, RestartPolicy restarts) {
        this.shipment = shipment;
        this.pipeline = pipeline;
        this.restarts = restarts;
        this.shipped = new ShippedStage(shipment, "the parent of stage '" + shipment.stage() + "'");
    }

    @Override
    public synchronized ExecutionContext newContext(String name) {
        if (closed) {
            throw new IllegalStateException("stage '" + shipment.stage() + "' is closed");
        }
        ProcessContext ctx = new ProcessContext(name, this);
        contexts.add(ctx);
        return ctx;
    }

    @Override
    public List<RemoteOutcome> call(List<Object> items) throws Exception {
        ProcessContext ctx = current.get();
        if (ctx == null) {
            throw new IllegalStateException("stage '" + shipment.stage() + "': call from " + Thread.currentThread()
                    + ", which is not one of the stage's contexts");
        }
        return ctx.call(items);
    }

    @Override
    public void close() {
        List<ProcessContext> all;
        synchronized (this) {
            closed = true;
            all = List.copyOf(contexts);
        }
        for (ProcessContext ctx : all) {
            ctx.terminate();
        }
        for (ProcessContext ctx : all) {
            ctx.stopWorkers(2_000);
        }
    }

    void bind(ProcessContext ctx) {
        current.set(ctx);
    }

    void unbind() {
        current.remove();
    }

    StageShipment shipment() {
        return shipment;
    }

    /** The name of the pipeline the stage belongs to. */
    String pipeline() {
        return pipeline;
    }

    RestartPolicy restarts() {
        return restarts;
    }

    /** The sending side of the stage's batches. */
    ShippedStage shipped() {
        return shipped;
    }
}

package dev.minigun.process;

import dev.minigun.execution.ExecutionContext;
import dev.minigun.execution.RemoteOutcome;
import dev.minigun.execution.RemoteStage;
import java.util.ArrayList;
import java.util.List;

/**
 * A stage on {@code Exec.isolated(n)} for one run: it makes the stage's {@link IsolatedContext}s,
 * each with its own copy of the stage's code, and routes each batch to the context whose thread
 * calls.
 */
final class IsolatedStage implements RemoteStage {
    private final StageShipment shipment;
    private final Codec codec;
    private final ThreadLocal<IsolatedContext> current = new ThreadLocal<>();
    private final List<IsolatedContext> contexts = new ArrayList<>();

    IsolatedStage(StageShipment shipment) {
        this.shipment = shipment;
        this.codec =
                Codecs.create(shipment.codecName(), shipment.allowList(), "isolated stage '" + shipment.stage() + "'");
    }

    @Override
    public synchronized ExecutionContext newContext(String name) {
        IsolatedContext ctx = new IsolatedContext(name, this);
        contexts.add(ctx);
        return ctx;
    }

    @Override
    public List<RemoteOutcome> call(List<Object> items) throws Exception {
        IsolatedContext ctx = current.get();
        if (ctx == null) {
            throw new IllegalStateException("stage '" + shipment.stage() + "': call from " + Thread.currentThread()
                    + ", which is not one of the stage's contexts");
        }
        return ctx.call(items);
    }

    @Override
    public void close() {
        List<IsolatedContext> all;
        synchronized (this) {
            all = List.copyOf(contexts);
        }
        all.forEach(IsolatedContext::terminate);
    }

    void bind(IsolatedContext ctx) {
        current.set(ctx);
    }

    void unbind() {
        current.remove();
    }

    StageShipment shipment() {
        return shipment;
    }

    Codec codec() {
        return codec;
    }
}

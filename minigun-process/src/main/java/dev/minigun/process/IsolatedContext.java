package dev.minigun.process;

import dev.minigun.ContextKind;
import dev.minigun.execution.RemoteOutcome;
import java.io.IOException;
import java.io.NotSerializableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One context of a stage on {@code Exec.isolated(n)} (the ancestor's Ractor): a dedicated thread
 * with its own copy of the stage's code, which receives a copy of every item and sends on copies
 * of what it emits, both made through the stage's {@link Codec}. The stage never shares an object
 * with a sender or a receiver, so it can keep mutable state without locks, and a sender's object
 * cannot be changed by it.
 */
public final class IsolatedContext extends ThreadHostedContext {
    private final IsolatedStage stage;
    private StageRunner runner;

    IsolatedContext(String name, IsolatedStage stage) {
        super(name);
        this.stage = stage;
    }

    @Override
    public ContextKind kind() {
        return ContextKind.ISOLATED;
    }

    @Override
    protected void host(Runnable task) {
        stage.bind(this);
        try {
            task.run();
        } finally {
            stage.unbind();
        }
    }

    /** This context's own copy of the stage's code, made on first use. */
    private StageRunner runner() throws IOException {
        if (runner == null) {
            Bootstrap boot = ShippedStage.readBootstrap(stage.shipment().code());
            runner = new StageRunner(boot.kind(), boot.function());
        }
        return runner;
    }

    List<RemoteOutcome> call(List<Object> items) throws Exception {
        Codec codec = stage.codec();
        StageRunner code = runner();
        List<RemoteOutcome> outcomes = new ArrayList<>(items.size());
        for (Object item : items) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("context " + name() + " was terminated");
            }
            Object copy;
            try {
                copy = codec.decode(codec.encode(item));
            } catch (IOException | RuntimeException e) {
                outcomes.add(ShippedStage.failed(new NotSerializableException(
                        "stage '" + stage.shipment().stage() + "': an item of class "
                                + item.getClass().getName() + " cannot be copied into an isolated stage: " + e)));
                continue;
            }
            StageRunner.Result r = code.run(copy);
            if (r.error() != null) {
                outcomes.add(ShippedStage.failed(r.error()));
                continue;
            }
            Object[] out;
            try {
                out = (Object[]) codec.decode(codec.encode(r.items().toArray()));
            } catch (IOException | RuntimeException e) {
                outcomes.add(ShippedStage.failed(new NotSerializableException(
                        "stage '" + stage.shipment().stage()
                                + "' emitted an item that cannot be copied out of an isolated stage: " + e)));
                continue;
            }
            List<RemoteOutcome.Emission> emissions = new ArrayList<>(out.length);
            for (int i = 0; i < out.length; i++) {
                emissions.add(new RemoteOutcome.Emission(
                        Optional.ofNullable(r.targets().get(i)), out[i]));
            }
            outcomes.add(new RemoteOutcome(emissions, r.filtered(), Optional.empty()));
        }
        return outcomes;
    }
}

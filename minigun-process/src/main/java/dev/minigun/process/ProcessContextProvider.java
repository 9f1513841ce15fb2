package dev.minigun.process;

import dev.minigun.ContextKind;
import dev.minigun.execution.ContextProvider;
import dev.minigun.execution.Placement;
import dev.minigun.execution.RemoteStage;
import dev.minigun.execution.StageGraph;
import dev.minigun.execution.StageSpec;
import java.util.Set;

/**
 * Runs the stages placed on {@code Exec.processes(n)} (worker JVMs) and {@code Exec.isolated(n)}
 * (isolated threads). The core finds it through {@link java.util.ServiceLoader} (this module's
 * {@code META-INF/services} entry), so the core depends on nothing here. Preparing a stage
 * serializes its code once, before any item moves: a stage whose code or captured state cannot be
 * serialized fails then, with a definition error naming the stage and the class.
 */
public final class ProcessContextProvider implements ContextProvider {

    /** The provider the {@link java.util.ServiceLoader} makes. */
    public ProcessContextProvider() {}

    @Override
    public Set<ContextKind> kinds() {
        return Set.of(ContextKind.PROCESS, ContextKind.ISOLATED);
    }

    @Override
    public RemoteStage prepare(StageSpec stage, Placement placement, StageGraph graph) {
        String where =
                stage.exec().map(Object::toString).orElse(placement.kind().name());
        StageShipment shipment = StageShipment.of(stage, where);
        return switch (placement.kind()) {
            case PROCESS -> new ProcessStage(shipment, graph.pipeline(), RestartPolicy.of(graph));
            case ISOLATED -> new IsolatedStage(shipment);
            default ->
                throw new IllegalArgumentException(
                        "stage '" + stage.name() + "': " + placement.kind() + " is not a kind this provider runs");
        };
    }
}

package dev.minigun.hazelcast;

import dev.minigun.ContextKind;
import dev.minigun.PipelineDefinitionException;
import dev.minigun.execution.ContextProvider;
import dev.minigun.execution.Placement;
import dev.minigun.execution.RemoteStage;
import dev.minigun.execution.StageGraph;
import dev.minigun.execution.StageSpec;
import dev.minigun.process.ShippedStage;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the stages placed on {@code Exec.cluster(n)} on the members of a Hazelcast cluster. The core
 * finds it through {@link java.util.ServiceLoader} (this module's {@code META-INF/services} entry),
 * so the core depends on nothing here. Preparing a stage, before any item moves, first serializes
 * its code (a stage whose code or captured state cannot travel fails with a definition error naming
 * the stage and the class), then connects to the cluster of {@link ClusterConfig#current()} (one
 * that answers nowhere within the connect timeout fails the same way, saying how to start members).
 */
public final class HazelcastContextProvider implements ContextProvider {

    /** The provider the {@link java.util.ServiceLoader} makes. */
    public HazelcastContextProvider() {}

    @Override
    public Set<ContextKind> kinds() {
        return Set.of(ContextKind.CLUSTER);
    }

    @Override
    public RemoteStage prepare(StageSpec stage, Placement placement, StageGraph graph) {
        String where = where(stage);
        ShippedStage shipped = ShippedStage.of(stage, where);
        ClusterConfig config = ClusterConfig.current();
        ClusterClients.Lease lease;
        try {
            lease = ClusterClients.acquire(config);
        } catch (RuntimeException e) {
            String first = config.members().getFirst();
            String port = first.substring(first.lastIndexOf(':') + 1);
            throw new PipelineDefinitionException(
                    stage.name(),
                    "stage '" + stage.name() + "' runs on " + where + ", but no member of " + config
                            + " answered within " + config.connectTimeout().toMillis() + " ms: start one with"
                            + " `minigun member --cluster-name " + config.clusterName() + " --port " + port
                            + "`, or point " + ClusterConfig.MEMBERS_PROPERTY
                            + " (MINIGUN_CLUSTER_MEMBERS, or ClusterConfig.use) at running members",
                    e);
        }
        return new ClusterStage(shipped, where, lease);
    }

    @Override
    public Optional<String> describe(StageSpec stage, Placement placement) {
        return Optional.of(ClusterConfig.current() + ", at most " + placement.contexts()
                + " batches in flight per member (members as configured; live ones show in the HUD)");
    }

    private static String where(StageSpec stage) {
        return stage.exec().map(Object::toString).orElse("cluster");
    }
}

package dev.minigun.execution;

import dev.minigun.ContextKind;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Runs stages on a kind of context the core does not implement itself: worker processes, isolated
 * threads, cluster members. Modules provide it through {@link java.util.ServiceLoader} (as a
 * {@code provides} clause or a {@code META-INF/services} file), so the core keeps no dependency on
 * them; a stage whose kind no provider on the class path runs fails before any item moves, with a
 * message naming the module to add.
 */
public interface ContextProvider {

    /** The kinds of context this provider runs (for instance {@code PROCESS} and {@code ISOLATED}). */
    Set<ContextKind> kinds();

    /**
     * Prepares {@code stage} for one run, before any item moves: checks that its code can be shipped
     * (serializable, every captured object too) and throws a
     * {@link dev.minigun.PipelineDefinitionException} naming the stage and the offending class if
     * not. Starts nothing yet: contexts are started by {@link RemoteStage#newContext}.
     */
    RemoteStage prepare(StageSpec stage, Placement placement, StageGraph graph);

    /**
     * A line for {@link ExecutionPlan#explain()} saying where {@code stage} will run, when the plan
     * alone cannot (the cluster and its members, say); connects to nothing. Empty by default.
     */
    default Optional<String> describe(StageSpec stage, Placement placement) {
        return Optional.empty();
    }

    /** The provider on the class path that runs {@code kind}, if any. */
    static Optional<ContextProvider> find(ContextKind kind) {
        return ServiceLoader.load(ContextProvider.class, ContextProvider.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get)
                .filter(provider -> provider.kinds().contains(kind))
                .findFirst();
    }
}

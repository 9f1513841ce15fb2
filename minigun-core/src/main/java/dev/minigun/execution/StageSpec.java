package dev.minigun.execution;

import dev.minigun.ErrorPolicy;
import dev.minigun.Exec;
import dev.minigun.Hook;
import dev.minigun.Routing;
import java.util.List;
import java.util.Optional;

/**
 * One stage of a pipeline definition, as an immutable value: its unique (possibly scoped) name,
 * what it does, the stages that feed it through static edges, where it asked to run, how it splits
 * its output and what it does on error. The DSL builds these; the plan and the orchestrator read
 * them and never call back into the DSL.
 *
 * @param name the unique name, scoped as {@code fragment/inner} inside a fragment
 * @param operation what the stage does
 * @param upstreams the names of the stages that feed it, in the order given
 * @param exec where the stage asked to run, if it asked
 * @param routing how it splits its output among several downstreams
 * @param errorPolicy what it does when its code throws
 * @param beforeStage hooks run once before the stage's first item
 * @param afterStage hooks run once after the stage's last item
 */
public record StageSpec(
        String name,
        Operation operation,
        List<String> upstreams,
        Optional<Exec> exec,
        Routing routing,
        ErrorPolicy errorPolicy,
        List<Hook> beforeStage,
        List<Hook> afterStage) {

    /** Copies the lists so the value cannot change under the plan. */
    public StageSpec {
        upstreams = List.copyOf(upstreams);
        beforeStage = List.copyOf(beforeStage);
        afterStage = List.copyOf(afterStage);
    }

    /** A stage with no hooks. */
    public StageSpec(
            String name,
            Operation operation,
            List<String> upstreams,
            Optional<Exec> exec,
            Routing routing,
            ErrorPolicy errorPolicy) {
        this(name, operation, upstreams, exec, routing, errorPolicy, List.of(), List.of());
    }

    /** The same stage with another routing. */
    public StageSpec withRouting(Routing newRouting) {
        return new StageSpec(name, operation, upstreams, exec, newRouting, errorPolicy, beforeStage, afterStage);
    }

    /** The same stage with another error policy. */
    public StageSpec withErrorPolicy(ErrorPolicy policy) {
        return new StageSpec(name, operation, upstreams, exec, routing, policy, beforeStage, afterStage);
    }

    /** The same stage with one more hook before its first item. */
    public StageSpec withBeforeStage(Hook hook) {
        List<Hook> hooks = new java.util.ArrayList<>(beforeStage);
        hooks.add(hook);
        return new StageSpec(name, operation, upstreams, exec, routing, errorPolicy, hooks, afterStage);
    }

    /** The same stage with one more hook after its last item. */
    public StageSpec withAfterStage(Hook hook) {
        List<Hook> hooks = new java.util.ArrayList<>(afterStage);
        hooks.add(hook);
        return new StageSpec(name, operation, upstreams, exec, routing, errorPolicy, beforeStage, hooks);
    }
}

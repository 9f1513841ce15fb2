package dev.minigun.execution;

import dev.minigun.AfterRunHook;
import dev.minigun.ContextKind;
import dev.minigun.Hook;
import dev.minigun.PipelineDefinitionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A whole pipeline definition as an immutable value: the stages in definition order (which is a
 * topological order of the static edges, since a stage can only name stages defined before it) and
 * the pipeline-wide settings in force when it was taken. {@link ExecutionPlan#of} reads it.
 *
 * @param pipeline the pipeline's name
 * @param stages the stages, in definition order
 * @param maxThreads the global limit on platform threads
 * @param maxVirtualThreads the global limit on virtual threads
 * @param maxProcesses the global limit on worker processes
 * @param defaultContext the context of stages that name none and are not colocated
 * @param queueSize the default input queue capacity
 * @param stopGrace how long a stopping run waits for its stages
 * @param timeout the run's time limit, if any
 * @param beforeRun hooks run once before any stage starts
 * @param afterRun hooks run once after every stage has stopped
 * @param workerRestarts restarts allowed per context of a stage on worker processes
 * @param workerRestartBackoff the wait before a worker's first restart, doubled for each next one
 */
public record StageGraph(
        String pipeline,
        List<StageSpec> stages,
        int maxThreads,
        int maxVirtualThreads,
        int maxProcesses,
        ContextKind defaultContext,
        int queueSize,
        Duration stopGrace,
        Optional<Duration> timeout,
        List<Hook> beforeRun,
        List<AfterRunHook> afterRun,
        int workerRestarts,
        Duration workerRestartBackoff) {

    /** Copies the lists and checks that names are unique and edges point backwards. */
    public StageGraph {
        stages = List.copyOf(stages);
        beforeRun = List.copyOf(beforeRun);
        afterRun = List.copyOf(afterRun);
        Map<String, StageSpec> seen = new LinkedHashMap<>();
        for (StageSpec s : stages) {
            if (seen.putIfAbsent(s.name(), s) != null) {
                throw new PipelineDefinitionException(
                        s.name(),
                        "stage name '" + s.name() + "' is used twice in pipeline '" + pipeline
                                + "': give each stage a unique name");
            }
            for (String up : s.upstreams()) {
                if (!seen.containsKey(up) || up.equals(s.name())) {
                    throw new PipelineDefinitionException(
                            s.name(),
                            "stage '" + s.name() + "' reads from '" + up + "', which is not defined before it");
                }
            }
        }
    }

    /** The stage called {@code name}. */
    public StageSpec stage(String name) {
        for (StageSpec s : stages) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no stage named '" + name + "' in pipeline '" + pipeline + "'");
    }

    /** The stages fed by {@code name} through static edges, in definition order. */
    public List<StageSpec> downstreams(String name) {
        List<StageSpec> out = new ArrayList<>();
        for (StageSpec s : stages) {
            for (String up : s.upstreams()) {
                if (up.equals(name)) {
                    out.add(s);
                }
            }
        }
        return out;
    }
}

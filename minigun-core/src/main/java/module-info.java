/**
 * Minigun: composable, high-throughput data pipelines where each stage says where it runs. The
 * public API is {@code dev.minigun} (the DSL) and {@code dev.minigun.execution} (contexts, pools,
 * the plan and the orchestrator); {@code dev.minigun.internal} is not exported.
 */
module dev.minigun {
    // Flight-recorder events (run, stage samples, failures), readable in JDK Mission Control.
    requires jdk.jfr;

    exports dev.minigun;
    exports dev.minigun.execution;

    // Worker processes, isolated threads and cluster members come from other modules.
    uses dev.minigun.execution.ContextProvider;
}

package dev.minigun;

/**
 * Code that runs at a point of a run's life: before the run ({@link Pipeline#beforeRun}), or before
 * and after a stage ({@link Stage#beforeStage}, {@link Stage#afterStage}). It runs exactly once per
 * run (per stage for stage hooks). If it throws, the run fails with a {@link PipelineException}
 * that names the hook.
 */
@FunctionalInterface
public interface Hook {
    /** Runs the hook. */
    void run() throws Exception;
}

package dev.minigun;

/**
 * Code that runs once after a run has ended, whatever the outcome, with the run's report: its
 * {@link RunReport#outcome()} says whether it completed, failed or was cancelled. It runs after
 * every stage has stopped. If it throws, the run fails with a {@link PipelineException} naming it
 * (or, when the run had already failed, the hook's exception is added as suppressed).
 */
@FunctionalInterface
public interface AfterRunHook {
    /** Runs the hook with the report of the run that just ended. */
    void after(RunReport report) throws Exception;
}

package dev.minigun;

/**
 * A pipeline definition that cannot run: a duplicate or blank name, a batch size or limit of zero,
 * a stage that needs a module that is not on the classpath, limits that cannot give every stage a
 * context. It is thrown while the pipeline is built or planned, before any item moves, and its
 * message names the stage, says what is wrong and what to do.
 */
public class PipelineDefinitionException extends PipelineException {
    private static final long serialVersionUID = 1L;

    /** A bad definition of {@code stage} (may be {@code null} for pipeline-wide settings). */
    public PipelineDefinitionException(String stage, String message) {
        super(stage, message);
    }

    /** As above, found out through {@code cause} (a module that could not reach what the stage needs). */
    public PipelineDefinitionException(String stage, String message, Throwable cause) {
        super(stage, message, cause);
    }
}

package dev.minigun;

/**
 * What a stage does when its code throws for an item. {@link #failFast()}, the default, cancels the
 * whole run and makes {@code run()} throw a {@link PipelineException} naming the stage;
 * {@link #skip()} counts the item as failed and goes on. Retries and dead-letter stages come with
 * their own release.
 */
public sealed interface ErrorPolicy {

    /** Cancel the run at the first failure (the default). */
    static ErrorPolicy failFast() {
        return FailFast.INSTANCE;
    }

    /** Count the failed item, keep its cause in the report, and go on with the next. */
    static ErrorPolicy skip() {
        return Skip.INSTANCE;
    }

    /** Cancel the run at the first failure. */
    enum FailFast implements ErrorPolicy {
        INSTANCE;

        @Override
        public String toString() {
            return "failFast";
        }
    }

    /** Count and go on. */
    enum Skip implements ErrorPolicy {
        INSTANCE;

        @Override
        public String toString() {
            return "skip";
        }
    }
}

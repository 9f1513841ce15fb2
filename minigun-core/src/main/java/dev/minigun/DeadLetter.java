package dev.minigun;

/**
 * A failed item on its way to a dead-letter stage ({@link ErrorPolicy#deadLetter}): the item as
 * the failing stage received it, which stage failed, what it threw (with its stack trace), and how
 * many attempts were made. A dead-letter stage is an ordinary stage that takes these, usually a
 * consumer made with {@code pipeline.consumer("dead-letters", ...)} that logs or stores them.
 *
 * @param item the item that failed
 * @param stage the name of the stage whose code threw
 * @param error what it threw the last time
 * @param attempts how many times the stage tried the item
 */
public record DeadLetter(Object item, String stage, Throwable error, int attempts) {}

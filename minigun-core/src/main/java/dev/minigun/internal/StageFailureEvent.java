package dev.minigun.internal;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** One item that failed at a stage (or a hook that failed), as it happens. */
@Name("dev.minigun.StageFailure")
@Label("Stage Failure")
@Category("Minigun")
@Description("An item that failed at a stage, or a hook that failed")
public final class StageFailureEvent extends Event {
    /** The stage, or empty for a run hook. */
    @Label("Stage")
    public String stage;

    /** What failed and why, as the run's messages say it. */
    @Label("Message")
    public String message;

    /** The exception's class. */
    @Label("Exception")
    public String exception;
}

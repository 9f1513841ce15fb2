package dev.minigun.internal;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** A whole run, from start to end, as a flight-recorder event: its span is the run's. */
@Name("dev.minigun.Run")
@Label("Pipeline Run")
@Category("Minigun")
@Description("A run of a pipeline, from start to end, with its outcome and totals")
public final class RunEvent extends Event {
    /** The pipeline's name. */
    @Label("Pipeline")
    public String pipeline;

    /** completed, failed or cancelled. */
    @Label("Outcome")
    public String outcome;

    /** Items the producers emitted. */
    @Label("Produced")
    public long produced;

    /** Items the consumers completed. */
    @Label("Consumed")
    public long consumed;

    /** Items that failed. */
    @Label("Failed")
    public long failed;
}

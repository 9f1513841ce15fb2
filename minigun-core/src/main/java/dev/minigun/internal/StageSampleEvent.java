package dev.minigun.internal;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;

/** A periodic sample of one stage while a run is going: counts, rate and queue depth. */
@Name("dev.minigun.StageSample")
@Label("Stage Sample")
@Category("Minigun")
@Description("Throughput and queue depth of a pipeline stage, sampled periodically during a run")
@Period("1 s")
public final class StageSampleEvent extends Event {
    /** The pipeline's name. */
    @Label("Pipeline")
    public String pipeline;

    /** The stage's name. */
    @Label("Stage")
    public String stage;

    /** Items received so far. */
    @Label("In")
    public long in;

    /** Items emitted so far. */
    @Label("Out")
    public long out;

    /** Items failed so far. */
    @Label("Failed")
    public long failed;

    /** Items per second since the previous sample. */
    @Label("Rate")
    public double rate;

    /** Items waiting in the stage's queue now. */
    @Label("Queue Depth")
    public long queued;

    /** Contexts the stage has now (for an adaptive pool: after its latest resize). */
    @Label("Contexts")
    public int contexts;
}

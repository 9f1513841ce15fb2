package dev.minigun.internal;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** An adaptive pool ({@code Exec.threads(min, max)}) grew or shrank by one context. */
@Name("dev.minigun.PoolResize")
@Label("Pool Resize")
@Category("Minigun")
@Description("An adaptive pool of a pipeline stage grew under load or shrank when idle")
public final class PoolResizeEvent extends Event {
    /** The pipeline's name. */
    @Label("Pipeline")
    public String pipeline;

    /** The stage's name. */
    @Label("Stage")
    public String stage;

    /** Contexts before. */
    @Label("From")
    public int from;

    /** Contexts after. */
    @Label("To")
    public int to;

    /** Why: the queue depth and busy contexts that made it grow, or the idle time that made it shrink. */
    @Label("Reason")
    public String reason;
}

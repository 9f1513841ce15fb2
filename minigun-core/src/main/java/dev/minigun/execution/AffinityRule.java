package dev.minigun.execution;

/**
 * The rule of the execution plan that decided where a stage runs. The numbers are those of the
 * design (DESIGN.md §2), so {@code explain()} can be read against it.
 */
public enum AffinityRule {
    /** Rule 1: a producer gets its own context. */
    PRODUCER(1, "producer: own context"),
    /** Rule 2: one upstream, not an accumulator, on a single context, no Exec: a direct call in the upstream's context. */
    COLOCATED(2, "single upstream on one context: direct call, no queue"),
    /** Rule 2, refined: the single upstream runs on a pool or out of process, so this stage gets its own (default) context. */
    UPSTREAM_NOT_SINGLE(2, "upstream is a pool or runs out of process: own default context"),
    /** Rule 3: several upstreams (fan-in, merge) or none (fed by emitTo): own context. */
    FAN_IN(3, "several or dynamic upstreams: own context"),
    /** Rule 4: the upstream is an accumulator (batch): own context. */
    AFTER_ACCUMULATOR(4, "upstream is an accumulator: own context"),
    /** Rule 5: an explicit Exec: its own context of that kind. */
    EXPLICIT(5, "explicit Exec: own context of that kind"),
    /** Rule 5: Exec.inline(): a direct call from the single upstream, whatever that runs on. */
    EXPLICIT_INLINE(5, "Exec.inline(): direct call in the upstream's context");

    private final int number;
    private final String description;

    AffinityRule(int number, String description) {
        this.number = number;
        this.description = description;
    }

    /** The rule's number in the design. */
    public int number() {
        return number;
    }

    /** One line saying what the rule decided. */
    public String description() {
        return description;
    }

    /** Whether the stage runs by a direct call in another stage's context. */
    public boolean colocates() {
        return this == COLOCATED || this == EXPLICIT_INLINE;
    }
}

package dev.minigun.internal;

/**
 * A colocated stage: the sender calls it, in the sender's own thread, with no queue between them.
 * This is operator fusion: a chain of colocated stages costs one call per stage per item.
 *
 * @param node the receiving stage
 */
public record DirectTarget(StageNode node) implements Target {
    @Override
    public String stage() {
        return node.name();
    }

    @Override
    public void accept(Object item, StageCounters sender) {
        // The receiver counts the item in as soon as it is called, whatever happens next.
        sender.delivered.increment();
        node.accept(item);
    }
}

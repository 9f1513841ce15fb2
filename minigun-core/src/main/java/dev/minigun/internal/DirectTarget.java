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
    public void accept(Object item) {
        node.accept(item);
    }
}

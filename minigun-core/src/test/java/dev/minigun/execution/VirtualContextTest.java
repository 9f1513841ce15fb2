package dev.minigun.execution;

import dev.minigun.ContextKind;

class VirtualContextTest extends ExecutionContextContract {
    @Override
    ExecutionContext newContext(String name) {
        return new VirtualContext(name);
    }

    @Override
    ContextKind expectedKind() {
        return ContextKind.VIRTUAL;
    }

    @Override
    boolean runsInCaller() {
        return false;
    }
}

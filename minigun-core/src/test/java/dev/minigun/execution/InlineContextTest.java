package dev.minigun.execution;

import dev.minigun.ContextKind;

class InlineContextTest extends ExecutionContextContract {
    @Override
    ExecutionContext newContext(String name) {
        return new InlineContext(name);
    }

    @Override
    ContextKind expectedKind() {
        return ContextKind.INLINE;
    }

    @Override
    boolean runsInCaller() {
        return true;
    }
}

package dev.minigun.execution;

import dev.minigun.ContextKind;

class ThreadContextTest extends ExecutionContextContract {
    @Override
    ExecutionContext newContext(String name) {
        return new ThreadContext(name);
    }

    @Override
    ContextKind expectedKind() {
        return ContextKind.THREAD;
    }

    @Override
    boolean runsInCaller() {
        return false;
    }
}

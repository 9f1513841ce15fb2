package dev.minigun;

import java.util.OptionalLong;

/**
 * One context of a running pipeline, as progress views show it: which stage it serves, its kind,
 * whether it still runs, and the process it runs in when that is a worker process.
 *
 * @param name the context's name, like {@code orders/price#3}
 * @param stage the stage it runs
 * @param kind its kind
 * @param alive whether its task still runs
 * @param pid the worker process it runs in, for a {@code PROCESS} context
 */
public record ContextInfo(String name, String stage, ContextKind kind, boolean alive, OptionalLong pid) {}

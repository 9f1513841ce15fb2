package dev.minigun.process;

import dev.minigun.WorkerHook;
import java.io.Serializable;
import java.util.List;

/**
 * What a worker needs to run a stage, sent once in its first frame: the stage's code and kind, the
 * worker hooks, and the allow-list for the items it will read.
 *
 * @param stage the stage's name, for messages
 * @param kind {@code process}, {@code map}, {@code filter} or {@code consumer}
 * @param function the stage's function (a {@code Processor}, {@code ItemFunction}, {@code ItemPredicate} or {@code Sink})
 * @param onStart hooks run when the worker starts
 * @param onStop hooks run when the worker stops
 * @param allowed the entries of the items' allow-list
 * @param codec the codec's class name, or {@code jdk}
 */
record Bootstrap(
        String stage,
        String kind,
        Serializable function,
        List<WorkerHook> onStart,
        List<WorkerHook> onStop,
        List<String> allowed,
        String codec)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    Bootstrap {
        onStart = new java.util.ArrayList<>(onStart);
        onStop = new java.util.ArrayList<>(onStop);
        allowed = new java.util.ArrayList<>(allowed);
    }
}

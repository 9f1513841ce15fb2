package dev.minigun.examples;

import dev.minigun.Exec;
import dev.minigun.Pipeline;
import dev.minigun.RunReport;
import java.io.PrintStream;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;

/**
 * Thread → process → thread: numbers made on a thread are squared in two worker JVMs
 * ({@code Exec.processes(2)}, module {@code minigun-process}) and summed back on a thread of the
 * parent. Each result carries the pid of the worker that made it, which is never the parent's.
 * The stage's lambda and the records travel serialized (so the records implement
 * {@code Serializable}); a stage whose code captured something
 * that cannot be serialized would fail before any item moved.
 */
public final class ProcessPassThrough {
    private ProcessPassThrough() {}

    /** A square, and the pid of the process that computed it. */
    record Square(int n, long square, long pid) implements java.io.Serializable {}

    public static void main(String[] args) {
        run(System.out);
    }

    static RunReport run(PrintStream out) {
        ConcurrentLinkedQueue<Square> squares = new ConcurrentLinkedQueue<>();
        Pipeline p = Pipeline.create("squares");
        p.<Integer>producer(
                        "numbers",
                        Exec.threads(1),
                        emitter -> IntStream.rangeClosed(1, 100).forEach(emitter::emit))
                .map(
                        "square",
                        Exec.processes(2),
                        (Integer n) -> new Square(
                                n, (long) n * n, ProcessHandle.current().pid()))
                .consume("sum", Exec.threads(1), squares::add);

        RunReport report = p.run();

        long parent = ProcessHandle.current().pid();
        out.printf("Squared %d numbers in worker processes%n", squares.size());
        out.printf(
                "Sum of squares: %d%n",
                squares.stream().mapToLong(Square::square).sum());
        out.printf("worker pid differs from parent: %b%n", squares.stream().allMatch(s -> s.pid() != parent));
        return report;
    }
}

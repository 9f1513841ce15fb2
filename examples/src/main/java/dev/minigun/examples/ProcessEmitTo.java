package dev.minigun.examples;

import dev.minigun.Emitter;
import dev.minigun.Exec;
import dev.minigun.Pipeline;
import dev.minigun.RunReport;
import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code emitTo} into stages that run in worker processes: a router in the parent sends each
 * document by kind to {@code pdf} or {@code html}, two stages declared with
 * {@code pipeline.processor(name, Exec.processes(1), ...)}, whose results come back to one
 * consumer in the parent. The names resolve in the parent; the workers only see the items.
 */
public final class ProcessEmitTo {
    private ProcessEmitTo() {}

    /** A document to render. */
    record Doc(int id, String kind) implements java.io.Serializable {}

    /** What a renderer made of it. */
    record Rendered(int id, String by) implements java.io.Serializable {}

    public static void main(String[] args) {
        run(System.out);
    }

    static RunReport run(PrintStream out) {
        Map<String, LongAdder> byRenderer = new ConcurrentHashMap<>();
        Pipeline p = Pipeline.create("render");
        p.<Doc>producer("docs", emitter -> {
                    for (int i = 1; i <= 30; i++) {
                        emitter.emit(new Doc(i, i % 3 == 0 ? "pdf" : "html"));
                    }
                })
                .process("route", (Doc d, Emitter<Doc> emitter) -> emitter.emitTo(d.kind(), d))
                .consume("unrouted", d -> {});
        p.processor(
                        "pdf",
                        Exec.processes(1),
                        (Doc d, Emitter<Rendered> emitter) -> emitter.emitTo("collect", new Rendered(d.id(), "pdf")))
                .consume("pdf-done", r -> {});
        p.processor(
                        "html",
                        Exec.processes(1),
                        (Doc d, Emitter<Rendered> emitter) -> emitter.emitTo("collect", new Rendered(d.id(), "html")))
                .consume("html-done", r -> {});
        p.consumer(
                "collect",
                (Rendered r) ->
                        byRenderer.computeIfAbsent(r.by(), k -> new LongAdder()).increment());

        RunReport report = p.run();

        out.println("Rendered 30 documents, routed by kind into worker processes:");
        new TreeMap<>(byRenderer).forEach((by, n) -> out.printf("  %s rendered %d%n", by, n.sum()));
        return report;
    }
}

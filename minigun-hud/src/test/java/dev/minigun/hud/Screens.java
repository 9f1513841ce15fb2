package dev.minigun.hud;

import dev.minigun.ContextInfo;
import dev.minigun.ContextKind;
import dev.minigun.Exec;
import dev.minigun.Pipeline;
import dev.minigun.RunReport;
import dev.minigun.StageReport;
import dev.minigun.execution.ExecutionPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** A census-like pipeline, a live report of it half way, and its contexts: what the HUD tests draw. */
final class Screens {
    private Screens() {}

    /** read → parse (threads 2) → fingerprint (processes 2) → enrich (virtual 400) → batch → store. */
    static ExecutionPlan censusPlan() {
        Pipeline p = Pipeline.create("jdk-census");
        p.producer("read", (dev.minigun.Emitter<String> out) -> {})
                .map("parse", Exec.threads(2), (String s) -> s)
                .map("fingerprint", Exec.processes(2), (String s) -> s)
                .map("enrich", Exec.virtualThreads(400), (String s) -> s)
                .batch("batch", 500)
                .consume("store", Exec.threads(1).queueSize(4), batch -> {});
        return p.plan();
    }

    /** A stage with the counts that matter to the HUD, the rest zero. */
    static StageReport stage(
            String name,
            String op,
            long in,
            long out,
            long completed,
            long failed,
            long queued,
            double rate,
            OptionalLong expected) {
        return new StageReport(
                name,
                op,
                in,
                out,
                out,
                completed,
                failed,
                0,
                0,
                0,
                Optional.empty(),
                0,
                queued,
                queued,
                Duration.ZERO,
                Duration.ZERO,
                Duration.ZERO,
                Duration.ZERO,
                0.5,
                rate,
                rate,
                expected,
                0);
    }

    /** 12.3 s into a census of 15,224 files, 7,168 read, two files failed to enrich. */
    static RunReport halfWay() {
        return new RunReport(
                "jdk-census",
                Duration.ofMillis(12_345),
                List.of(
                        stage("read", "producer", 0, 7_168, 0, 0, 0, 581.2, OptionalLong.of(15_224)),
                        stage("parse", "map", 7_168, 6_900, 6_900, 0, 268, 560, OptionalLong.empty()),
                        stage("fingerprint", "map", 6_900, 6_400, 6_400, 0, 500, 540.4, OptionalLong.empty()),
                        stage("enrich", "map", 6_400, 6_200, 6_198, 2, 200, 7.25, OptionalLong.empty()),
                        stage("batch", "batch", 6_198, 12, 6_198, 0, 0, 520, OptionalLong.empty()),
                        stage("store", "consumer", 12, 0, 11, 0, 1, 1, OptionalLong.empty())),
                "running",
                List.of(),
                List.of(
                        "enrich: java.net.http.HttpTimeoutException: request timed out (java.base/java/lang/Object.java)",
                        "enrich: java.net.ConnectException: Connection refused (java.base/java/lang/String.java)"));
    }

    /** The run's contexts: platform threads, 3 of 400 virtual threads, two workers (one exited). */
    static List<ContextInfo> contexts() {
        List<ContextInfo> all = new ArrayList<>();
        all.add(ctx("jdk-census/read#0", "read", ContextKind.THREAD, true));
        all.add(ctx("jdk-census/parse#0", "parse", ContextKind.THREAD, true));
        all.add(ctx("jdk-census/parse#1", "parse", ContextKind.THREAD, true));
        all.add(new ContextInfo(
                "jdk-census/fingerprint#0", "fingerprint", ContextKind.PROCESS, true, OptionalLong.of(4242)));
        all.add(new ContextInfo(
                "jdk-census/fingerprint#1", "fingerprint", ContextKind.PROCESS, false, OptionalLong.of(4243)));
        for (int i = 0; i < 3; i++) {
            all.add(ctx("jdk-census/enrich#" + i, "enrich", ContextKind.VIRTUAL, true));
        }
        all.add(ctx("jdk-census/batch#0", "batch", ContextKind.THREAD, true));
        all.add(ctx("jdk-census/store#0", "store", ContextKind.THREAD, true));
        return all;
    }

    private static ContextInfo ctx(String name, String stage, ContextKind kind, boolean alive) {
        return new ContextInfo(name, stage, kind, alive, OptionalLong.empty());
    }

    /** Worker 4242 holds 71.3 MiB; nothing else can be read. */
    static final ProcessMemory MEMORY = pid -> pid == 4242 ? OptionalLong.of(74_763_878L) : OptionalLong.empty();
}

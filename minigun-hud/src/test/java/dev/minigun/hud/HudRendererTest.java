package dev.minigun.hud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minigun.ContextInfo;
import dev.minigun.ContextKind;
import dev.minigun.Emitter;
import dev.minigun.Exec;
import dev.minigun.Pipeline;
import dev.minigun.RunReport;
import dev.minigun.Stage;
import dev.minigun.StageReport;
import dev.minigun.execution.ExecutionPlan;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class HudRendererTest {

    @Test
    void drawsTheCensusHalfWayOnAHundredByThirtyScreen() {
        List<String> screen = HudRenderer.render(
                Screens.censusPlan(), Screens.halfWay(), Screens.contexts(), Screens.MEMORY, 100, 30);

        assertThat(String.join("\n", screen)).isEqualTo("""
                minigun · jdk-census · running · 12.3 s                                               Ctrl-C cancels
                progress ▕██████████████▏               ▏  47%  7,168 of 15,224 produced  ETA 14 s  · 969 queued

                  STAGE        OP        WHERE            ITEMS/S  QUEUE                          DONE  FAILED
                  read         producer  THREAD x1            581  -                             7,168
                  ▼
                  parse        map       THREAD x2            560  ▕██▋       ▏ 268/1,024        6,900
                  ▼
                  fingerprint  map       PROCESS x2           540  ▕████▉     ▏ 500/1,024        6,400
                  ▼
                  enrich       map       VIRTUAL x400         7.3  ▕██        ▏ 200/1,024        6,198  2
                  ▼
                  batch        batch     THREAD x1            520  ▕          ▏ 0/1,024          6,198
                  ▼
                  store        consumer  THREAD x1            1.0  ▕██▌       ▏ 1/4                 11

                CONTEXTS  9 alive of 10
                  THREAD       5 alive   read 1 · parse 2 · batch 1 · store 1
                  VIRTUAL      3 alive   enrich 3
                  PROCESS    1/2 alive   fingerprint 1/2
                    pid 4242       71.3 MiB RSS   jdk-census/fingerprint#0
                    pid 4243                  -   jdk-census/fingerprint#1  (exited)

                ERRORS  2
                  enrich: java.net.http.HttpTimeoutException: request timed out (java.base/java/lang/Object.java)
                  enrich: java.net.ConnectException: Connection refused (java.base/java/lang/String.java)



                """);
        assertThat(screen)
                .hasSize(30)
                .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
    }

    @Test
    void aSmallScreenKeepsTheFlowAndTheNewestErrorAndCutsLongLines() {
        List<String> screen =
                HudRenderer.render(Screens.censusPlan(), Screens.halfWay(), Screens.contexts(), Screens.MEMORY, 60, 18);

        assertThat(screen)
                .hasSize(18)
                .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(60));
        assertThat(screen.getFirst()).isEqualTo("minigun · jdk-census · running · 12.3 s       Ctrl-C cancels");
        assertThat(screen.get(14)).startsWith("  store ").endsWith("…");
        assertThat(screen.subList(15, 18))
                .containsExactly("", "ERRORS  2", "  enrich: java.net.ConnectException: Connection refused (ja…");
    }

    @Test
    void aFinishedRunHasNoEtaAndAnUndeclaredSizeShowsTheCountOnly() {
        RunReport half = Screens.halfWay();
        RunReport done = new RunReport(
                half.pipeline(),
                Duration.ofSeconds(75),
                List.of(
                        Screens.stage("read", "producer", 0, 15_224, 1, 0, 0, 203, OptionalLong.of(15_224)),
                        Screens.stage("parse", "map", 15_224, 15_224, 15_224, 0, 0, 0, OptionalLong.empty())),
                "completed",
                List.of(),
                List.of());
        RunReport undeclared = new RunReport(
                half.pipeline(),
                Duration.ofMillis(50),
                List.of(Screens.stage("read", "producer", 0, 42, 0, 0, 0, 840, OptionalLong.empty())),
                "running",
                List.of(),
                List.of());

        List<String> finished = HudRenderer.render(Screens.censusPlan(), done, List.of(), Screens.MEMORY, 100, 30);
        List<String> counting =
                HudRenderer.render(Screens.censusPlan(), undeclared, List.of(), Screens.MEMORY, 100, 30);

        assertThat(finished.subList(0, 2))
                .containsExactly(
                        "minigun · jdk-census · completed · 1 m 15.0 s",
                        "progress ▕██████████████████████████████▏ 100%  15,224 of 15,224 produced");
        assertThat(finished).contains("CONTEXTS  0 alive of 0", "  none started yet", "ERRORS  none");
        assertThat(counting.get(1)).isEqualTo("progress 42 produced  (no producer declared its size)");
    }

    @Test
    void aFanOutAndAFanInSayWhereTheirItemsComeFrom() {
        Pipeline p = Pipeline.create("diamond");
        Stage<Integer> numbers = p.producer("numbers", (Emitter<Integer> out) -> {});
        Stage<Integer> odd = numbers.filter("odd", n -> n % 2 == 1);
        Stage<Integer> even = numbers.filter("even", Exec.threads(2), n -> n % 2 == 0);
        p.merge("both", odd, even).consume("print", n -> {});
        ExecutionPlan plan = p.plan();
        RunReport empty = new RunReport("diamond", Duration.ZERO, List.of(), "running", List.of(), List.of());

        List<String> screen = HudRenderer.render(plan, empty, List.of(), Screens.MEMORY, 100, 30);

        assertThat(screen.subList(3, 13))
                .containsExactly(
                        "  STAGE    OP        WHERE          ITEMS/S  QUEUE                          DONE  FAILED",
                        "  numbers  producer  THREAD x1            -  -                                 0",
                        "  ▼",
                        "  odd      filter    in numbers           -  direct call                       0",
                        "  ▼ from numbers",
                        "  even     filter    THREAD x2            -  ▕          ▏ 0/1,024              0",
                        "  ▼ from odd + even",
                        "  both     merge     THREAD x1            -  ▕          ▏ 0/1,024              0",
                        "  ▼",
                        "  print    consumer  in both              -  direct call                       0");
    }

    @Test
    void barsFillInEighthsAndShowAnyNonEmptyQueue() {
        assertThat(HudRenderer.bar(0, 4)).isEqualTo("▕    ▏");
        assertThat(HudRenderer.bar(0.001, 4)).isEqualTo("▕▏   ▏");
        assertThat(HudRenderer.bar(0.5, 4)).isEqualTo("▕██  ▏");
        assertThat(HudRenderer.bar(0.55, 4)).isEqualTo("▕██▎ ▏");
        assertThat(HudRenderer.bar(2, 4)).isEqualTo("▕████▏");
    }

    @Test
    void anAdaptivePoolShowsHowManyContextsItHasNowWithinItsRange() {
        Pipeline p = Pipeline.create("elastic");
        p.producer("read", (dev.minigun.Emitter<String> out) -> {})
                .map("fetch", Exec.threads(1, 8), (String s) -> s)
                .consume("store", s -> {});
        ExecutionPlan plan = p.plan();
        StageReport fetch = Screens.stage("fetch", "map", 10, 9, 9, 0, 1, 5, OptionalLong.empty());
        StageReport grown = new StageReport(
                fetch.name(),
                fetch.operation(),
                fetch.in(),
                fetch.out(),
                fetch.delivered(),
                fetch.completed(),
                fetch.failed(),
                fetch.filtered(),
                fetch.deadLettered(),
                fetch.retried(),
                fetch.lastError(),
                fetch.cancelled(),
                fetch.queued(),
                fetch.peakQueued(),
                fetch.busy(),
                fetch.p50(),
                fetch.p99(),
                fetch.max(),
                fetch.busyFraction(),
                fetch.meanRate(),
                fetch.currentRate(),
                fetch.expected(),
                3);
        RunReport report = new RunReport(
                "elastic",
                Duration.ofSeconds(1),
                List.of(
                        Screens.stage("read", "producer", 0, 10, 0, 0, 0, 10, OptionalLong.empty()),
                        grown,
                        Screens.stage("store", "consumer", 9, 0, 9, 0, 0, 5, OptionalLong.empty())),
                "running",
                List.of(),
                List.of());
        List<ContextInfo> contexts = List.of(
                new ContextInfo("elastic/fetch#0", "fetch", ContextKind.THREAD, true, OptionalLong.empty()),
                new ContextInfo("elastic/fetch#1", "fetch", ContextKind.THREAD, false, OptionalLong.empty()),
                new ContextInfo("elastic/fetch#2", "fetch", ContextKind.THREAD, true, OptionalLong.empty()),
                new ContextInfo("elastic/fetch#3", "fetch", ContextKind.THREAD, true, OptionalLong.empty()));

        String screen = String.join("\n", HudRenderer.render(plan, report, contexts, Screens.MEMORY, 100, 30));

        assertThat(screen).contains("THREAD 3 of 1..8").contains("fetch 3/4");
    }
}

package dev.minigun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExplainCommandTest {

    @Test
    void explainDemoPrintsEachStageWithItsContextWithoutRunningAnything() {
        CliRun run = CliRun.of("explain", "demo", "--threads", "4");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .startsWith("Plan of pipeline 'jdk-census'")
                .containsPattern("(?m)^\\s*read\\s+producer\\s+THREAD\\s+x1\\s")
                .containsPattern("(?m)^\\s*parse\\s+map\\s+THREAD\\s+x4\\s")
                .containsPattern("(?m)^\\s*fingerprint\\s+map\\s+(THREAD\\s+x4|PROCESS\\s+x2)\\s")
                .containsPattern("(?m)^\\s*enrich\\s+map\\s+VIRTUAL\\s+x400\\s")
                .containsPattern("(?m)^\\s*batch\\s+batch\\s+THREAD\\s+x1\\s")
                .containsPattern(
                        "(?m)^\\s*store\\s+consumer\\s+THREAD\\s+x1\\s+-\\s+" + CensusPipeline.STORE_QUEUE + "\\s")
                .doesNotContain("Run of pipeline");
    }

    @Test
    void explainDemoNeedsNoSourceAndDefaultsToOneParseThreadPerProcessor() {
        CliRun run = CliRun.of("explain", "demo");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .containsPattern("(?m)^\\s*parse\\s+map\\s+THREAD\\s+x"
                        + Runtime.getRuntime().availableProcessors() + "\\s");
    }

    @Test
    void mermaidPrintsAFlowchartOfTheSixStages() {
        CliRun run = CliRun.of("explain", "demo", "--mermaid", "--threads", "2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .startsWith("flowchart LR")
                .contains("read<br/>producer", "parse<br/>map", "fingerprint<br/>map", "enrich<br/>map")
                .contains("batch<br/>batch", "store<br/>consumer", "THREAD x2", "VIRTUAL x400");
    }

    @Test
    void theEnrichStageTakesItsVirtualThreadsFromEnrichCalls() {
        CliRun run = CliRun.of("explain", "demo", "--enrich-calls", "50");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .containsPattern("(?m)^\\s*enrich\\s+map\\s+VIRTUAL\\s+x50\\s")
                .contains("maxVirtualThreads 50");
        assertThat(CliRun.of("explain", "demo", "--workers", "0").exitCode()).isEqualTo(2);
    }

    @Test
    void anUnknownPipelineIsAUsageError() {
        CliRun run = CliRun.of("explain", "orders");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown pipeline 'orders'", "demo");
    }
}

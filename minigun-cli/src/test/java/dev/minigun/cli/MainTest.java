package dev.minigun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void helpListsTheSubcommandsAndDocumentsTheExitCodes() {
        CliRun run = CliRun.of("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("Usage: minigun", "demo", "explain", "--version")
                .contains(
                        "Exit codes:",
                        ExitCodes.OK_HELP.substring(2),
                        ExitCodes.FAILED_HELP.substring(2),
                        ExitCodes.USAGE_HELP.substring(2),
                        ExitCodes.INTERRUPTED_HELP.substring(4));
    }

    @Test
    void demoHelpDocumentsItsOptionsAndExitCodes() {
        CliRun run = CliRun.of("demo", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains(
                        "--source", "--threads", "--rows", "--limit", "--workers", "--enrich-calls", "--no-hud", "--db")
                .contains("lib/src.zip", "Exit codes:", ExitCodes.INTERRUPTED_HELP.substring(4));
    }

    @Test
    void versionNamesTheCommandAndTheJavaRuntime() {
        CliRun run = CliRun.of("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("minigun ").contains("Java " + Runtime.version());
    }

    @Test
    void noSubcommandOrAnUnknownOneIsAUsageError() {
        CliRun none = CliRun.of();
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("Missing subcommand");

        CliRun unknown = CliRun.of("bench-everything");
        assertThat(unknown.exitCode()).isEqualTo(2);
    }
}

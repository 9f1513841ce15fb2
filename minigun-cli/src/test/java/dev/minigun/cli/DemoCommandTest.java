package dev.minigun.cli;

import static dev.minigun.testing.NoLoss.assertNothingLost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.minigun.RunReport;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    @TempDir
    Path tmp;

    @Test
    void censusOfAZipPrintsTheTotalsWorkedOutByHandAndPassesItsCheck() throws IOException {
        CliRun run = CliRun.of("demo", "--source", SampleSources.zip(tmp).toString(), "--threads", "2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertSampleCensus(run.out());
        RunReport report = run.demo().lastReport().orElseThrow();
        assertNothingLost(report);
        assertThat(report.stage("read").out()).isEqualTo(3);
        assertThat(report.stage("parse").out()).isEqualTo(3);
        assertThat(report.stage("batch").out()).isEqualTo(1);
        assertThat(report.stage("store").completed()).isEqualTo(1);
        assertThat(report.outcome()).isEqualTo("completed");
        assertThat(run.out()).contains("Plan of pipeline 'jdk-census'", "Run of pipeline 'jdk-census': completed");
        // The default database lives in a temporary directory that the demo deletes.
        assertThat(temporaryDatabaseDir(run.out())).doesNotExist();
    }

    @Test
    void theShowcaseEnrichesAndFingerprintsEveryRowOverHttpAndLeavesNoThreadOrPortBehind() throws Exception {
        Path db = tmp.resolve("showcase");

        CliRun run = CliRun.of(
                "demo",
                "--source",
                SampleSources.zip(tmp).toString(),
                "--no-hud",
                "--db",
                db.toString(),
                "--enrich-calls",
                "8",
                "--workers",
                "1",
                "--threads",
                "2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("enrich: 8 calls at once on virtual threads to http://127.0.0.1:")
                .contains("check: stored rows = files read (3)")
                .contains("check: every stored row has an area and a fingerprint (3)")
                .containsPattern("(?m)^\\s*enrich\\s+map\\s+VIRTUAL\\s+x8\\s")
                .doesNotContain("minigun jdk-census: running");
        // Without the process module on the class path, the fingerprint stage runs on threads, and says so.
        if (!CensusPipeline.processModulePresent()) {
            assertThat(run.out()).contains("fingerprint on 2 threads (note: the minigun-process module is not");
        }
        RunReport report = run.demo().lastReport().orElseThrow();
        assertNothingLost(report);
        assertThat(report.stage("enrich").completed()).isEqualTo(3);
        assertThat(report.stage("fingerprint").completed()).isEqualTo(3);
        // Each call sleeps 2-10 ms in the service.
        assertThat(report.stage("enrich").max()).isGreaterThanOrEqualTo(java.time.Duration.ofMillis(2));
        try (Connection c = DriverManager.getConnection(CensusStore.url(db), "sa", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT path, area, fingerprint FROM files ORDER BY path")) {
            Map<String, String> areas = new java.util.LinkedHashMap<>();
            Map<String, String> fingerprints = new java.util.LinkedHashMap<>();
            while (rs.next()) {
                areas.put(rs.getString(1), rs.getString(2));
                fingerprints.put(rs.getString(1), rs.getString(3));
            }
            // The sample's modules (alpha, beta) are no JDK module: the service files them under "other".
            assertThat(areas)
                    .containsExactly(
                            Map.entry("alpha/demo/Greeter.java", CodeAreas.OTHER),
                            Map.entry("beta/util/MathUtil.java", CodeAreas.OTHER),
                            Map.entry("beta/util/Names.java", CodeAreas.OTHER));
            fingerprints.forEach((path, fp) -> assertThat(fp)
                    .as(path)
                    .isEqualTo(Fingerprint.of(SampleSources.files().get(path))));
        }
        // The demo stopped its HTTP service: the port is closed and its threads and the client's are gone.
        URI service = run.demo().serviceUri().orElseThrow();
        assertThatThrownBy(() -> new Socket(service.getHost(), service.getPort()).close())
                .isInstanceOf(ConnectException.class);
        assertThat(Thread.getAllStackTraces().keySet())
                .filteredOn(Thread::isAlive)
                .extracting(Thread::getName)
                .noneMatch(name -> name.startsWith(EnrichmentService.THREAD_PREFIX)
                        || name.startsWith("census-client-")
                        || name.startsWith("HTTP-Dispatcher")
                        || name.startsWith("HttpClient-")
                        || name.equals("minigun-hud"));
    }

    @Test
    void rowsIsTheNewNameOfLimit() throws IOException {
        CliRun run = CliRun.of("demo", "--source", SampleSources.zip(tmp).toString(), "--rows", "1", "--no-hud");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("first 1 .java files", "1 files, 14 lines, 37 tokens in 1 module")
                .contains("check: stored rows = files read (1)", "every stored row has an area and a fingerprint (1)");
    }

    @Test
    void censusOfADirectoryFindsTheSameModulesAndTotals() throws IOException {
        CliRun run = CliRun.of("demo", "--source", SampleSources.directory(tmp).toString(), "--threads", "3");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertSampleCensus(run.out());
        assertNothingLost(run.demo().lastReport().orElseThrow());
    }

    @Test
    void keepsTheDatabaseGivenWithDbAndStoresEachFileWithItsTopIdentifiers() throws Exception {
        Path db = tmp.resolve("census");

        CliRun run = CliRun.of("demo", "--source", SampleSources.zip(tmp).toString(), "--db", db.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(tmp.resolve("census.mv.db")).exists();
        try (Connection c = DriverManager.getConnection(CensusStore.url(db), "sa", "");
                Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT COUNT(*) FROM files")).isEqualTo(3);
            // Distinct identifiers per file: Greeter 5, MathUtil 12, Names 11.
            assertThat(count(s, "SELECT COUNT(*) FROM identifiers")).isEqualTo(28);
            assertThat(count(
                            s,
                            "SELECT count FROM identifiers WHERE path = 'alpha/demo/Greeter.java' AND name = 'name'"))
                    .isEqualTo(5);
            assertThat(count(s, "SELECT lines FROM files WHERE path = 'beta/util/MathUtil.java'"))
                    .isEqualTo(21);
        }

        // A second run into the same database recreates its tables: the check still holds.
        CliRun again = CliRun.of("demo", "--source", SampleSources.zip(tmp).toString(), "--db", db + ".mv.db");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("check: stored rows = files read (3)");
    }

    @Test
    void limitCapsTheFilesRead() throws IOException {
        CliRun run = CliRun.of("demo", "--source", SampleSources.zip(tmp).toString(), "--limit", "2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("2 files, 35 lines, 98 tokens in 2 modules", "check: stored rows = files read (2)");
        assertNothingLost(run.demo().lastReport().orElseThrow());
    }

    @Test
    void aMissingSourceIsAUsageErrorThatNamesThePathAndTheOption() {
        Path missing = tmp.resolve("no-such-src.zip");

        CliRun run = CliRun.of("demo", "--source", missing.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(missing.toString(), "does not exist", "--source");
        assertThat(run.out()).isEmpty();
        assertThat(run.demo().lastReport()).isEmpty();
    }

    @Test
    void aFileThatIsNotAZipIsAUsageError() throws IOException {
        Path notZip = Files.writeString(tmp.resolve("src.zip"), "not a zip");

        CliRun run = CliRun.of("demo", "--source", notZip.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(notZip.toString(), "--source");
    }

    @Test
    void aRunThatFailsExitsWithOneAndSaysWhichStageFailed() throws IOException {
        Path zip = SampleSources.zip(tmp);
        corruptFileData(zip, "alpha/demo/Greeter.java");

        CliRun run = CliRun.of("demo", "--source", zip.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.err()).contains("the run failed", "'read'", "invalid block type");
        assertThat(run.out()).doesNotContain("check:");
        assertThat(temporaryDatabaseDir(run.out())).doesNotExist();
    }

    @Test
    void badNumbersAreUsageErrors() throws IOException {
        String zip = SampleSources.zip(tmp).toString();

        assertThat(CliRun.of("demo", "--source", zip, "--threads", "0").exitCode())
                .isEqualTo(2);
        assertThat(CliRun.of("demo", "--source", zip, "--limit", "0").exitCode())
                .isEqualTo(2);
        assertThat(CliRun.of("demo", "--source", zip, "--rows", "0").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("demo", "--source", zip, "--workers", "0").exitCode())
                .isEqualTo(2);
        assertThat(CliRun.of("demo", "--source", zip, "--enrich-calls", "0").exitCode())
                .isEqualTo(2);
        CliRun notANumber = CliRun.of("demo", "--threads", "many");
        assertThat(notANumber.exitCode()).isEqualTo(2);
        assertThat(notANumber.err()).contains("--threads");
    }

    /** The numbers worked out by hand in {@link SampleSources}. */
    private static void assertSampleCensus(String out) {
        assertThat(out).contains("3 files, 49 lines, 146 tokens in 2 modules");
        assertThat(out)
                .containsPattern(row("1", "String", "6", "3"))
                .containsPattern(row("2", "name", "6", "2"))
                .containsPattern(row("3", "total", "3", "1"))
                .containsPattern(row("4", "util", "3", "2"))
                .containsPattern(row("5", "Greeter", "2", "1"))
                .containsPattern(row("6", "List", "2", "1"))
                .containsPattern(row("7", "value", "2", "1"))
                .containsPattern(row("8", "values", "2", "1"))
                .containsPattern(row("9", "ALPHA", "1", "1"))
                .containsPattern(row("15", "Names", "1", "1"))
                .doesNotContain("Ghost");
        assertThat(out)
                .containsPattern(row("beta", "2", "35", "109"))
                .containsPattern(row("alpha", "1", "14", "37"))
                .containsPattern(row("all 2 modules", "3", "49", "146"));
        assertThat(out.indexOf("  beta ")).isLessThan(out.indexOf("  alpha "));
        assertThat(out).contains("check: stored rows = files read (3)");
    }

    private static String row(String... cells) {
        return "(?m)^\\s*" + Stream.of(cells).map(Pattern::quote).collect(Collectors.joining("\\s+")) + "\\s*$";
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getLong(1);
        }
    }

    /** The temporary directory of the database, from the header line that names its JDBC URL. */
    private static Path temporaryDatabaseDir(String out) {
        Matcher m = Pattern.compile("jdbc:h2:file:(\\S+) \\(temporary\\)").matcher(out);
        assertThat(m.find()).as("a temporary database in:%n%s", out).isTrue();
        Path dir = Path.of(m.group(1)).getParent();
        assertThat(dir.getFileName().toString()).startsWith("minigun-census-");
        return dir;
    }

    /**
     * Makes the deflated data of {@code entry} start with a block of the reserved type 3, which every
     * inflater rejects. The first occurrence of the name is in the entry's local header, which is
     * 30 bytes of fixed fields, then the name, then the extra field, then the data.
     */
    private static void corruptFileData(Path zip, String entry) throws IOException {
        byte[] bytes = Files.readAllBytes(zip);
        byte[] name = entry.getBytes(StandardCharsets.UTF_8);
        int at = indexOf(bytes, name);
        assertThat(at).as("local header of %s", entry).isGreaterThanOrEqualTo(30);
        int header = at - 30;
        int extraLength = (bytes[header + 28] & 0xff) | (bytes[header + 29] & 0xff) << 8;
        bytes[at + name.length + extraLength] = 0x07; // BFINAL = 1, BTYPE = 11 (reserved)
        Files.write(zip, bytes);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

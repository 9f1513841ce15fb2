package dev.minigun.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CensusStoreTest {
    @TempDir
    Path tmp;

    @Test
    void storesBatchesLargerThanOneMultiRowInsertAndAnswersTheReportQueries() throws SQLException {
        // 3 files x 20 identifiers = 60 rows: one statement of 50 rows and 10 single-row statements.
        List<CensusRow> batch = List.of(file("m1", "a", 10), file("m1", "b", 20), file("m2", "c", 30));
        assertThat(3 * SourceAnalyzer.TOP_IDENTIFIERS).isGreaterThan(CensusStore.ROWS_PER_INSERT);

        try (CensusStore store = CensusStore.create(tmp.resolve("db"), true)) {
            store.insert(batch);
            store.insert(List.of(file("m2", "d", 5)));

            assertThat(store.storedFiles()).isEqualTo(4);
            assertThat(store.moduleCount()).isEqualTo(2);
            assertThat(store.totals()).isEqualTo(new ModuleTotal("all", 4, 65, 130));
            assertThat(store.topModulesByLines(15))
                    .containsExactly(new ModuleTotal("m2", 2, 35, 70), new ModuleTotal("m1", 2, 30, 60));
            // id0 has count 20 in every file, id1 19, ...: summed over the 4 files.
            assertThat(store.topIdentifiers(2))
                    .containsExactly(new IdentifierTotal("id0", 80, 4), new IdentifierTotal("id1", 76, 4));
            assertThat(store.topIdentifiers(100)).hasSize(20);
        }
    }

    @Test
    void aFailingBatchIsRolledBackWhole() throws SQLException {
        try (CensusStore store = CensusStore.create(tmp.resolve("db"), false)) {
            store.insert(List.of(file("m", "a", 1)));

            assertThatThrownBy(() -> store.insert(List.of(file("m", "b", 1), file("m", "a", 1))))
                    .isInstanceOf(SQLException.class);

            assertThat(store.storedFiles()).isEqualTo(1);
            assertThat(store.topIdentifiers(1)).containsExactly(new IdentifierTotal("id0", 20, 1));
            store.insert(List.of(file("m", "b", 1)));
            assertThat(store.storedFiles()).isEqualTo(2);
        }
    }

    @Test
    void answersTheAreaAndFingerprintQueriesAndCountsIncompleteRows() throws SQLException {
        try (CensusStore store = CensusStore.create(tmp.resolve("db"), true)) {
            store.insert(List.of(
                    file("m1", "a", 10, "core-libs", SHAPE_A),
                    file("m1", "b", 20, "core-libs", SHAPE_A),
                    file("m2", "c", 30, "security", SHAPE_B),
                    file("m2", "d", 5, "core-libs", "not-a-fingerprint")));

            assertThat(store.topAreas(5))
                    .containsExactly(new AreaTotal("core-libs", 3, 35), new AreaTotal("security", 1, 30));
            assertThat(store.duplicates()).isEqualTo(new Duplicates(1, 2));
            assertThat(store.incompleteRows()).isEqualTo(1);
        }
    }

    private static final String SHAPE_A = "a".repeat(64);
    private static final String SHAPE_B = "0123456789abcdef".repeat(4);

    /** A file of {@code lines} lines, twice as many tokens, and 20 identifiers id0..id19 counted 20..1. */
    private static CensusRow file(String module, String name, int lines) {
        return file(module, name, lines, "area-of-" + module, SHAPE_B);
    }

    private static CensusRow file(String module, String name, int lines, String area, String fingerprint) {
        List<IdentifierCount> ids = IntStream.range(0, SourceAnalyzer.TOP_IDENTIFIERS)
                .mapToObj(i -> new IdentifierCount("id" + i, SourceAnalyzer.TOP_IDENTIFIERS - i))
                .toList();
        return new CensusRow(
                new FileStats(module, module + "/" + name + ".java", lines, 2 * lines, ids), fingerprint, area);
    }
}

package dev.minigun.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The census's embedded H2 database: the {@code store} stage writes each batch of {@link CensusRow}s
 * into it, and the demo queries it afterwards. It holds one JDBC connection, so it must be used by
 * one thread at a time (the store stage during the run, the caller after it).
 *
 * <p>Schema, recreated on every {@link #create}:
 *
 * <pre>
 * files(module VARCHAR, path VARCHAR PRIMARY KEY, lines INT, tokens INT,
 *       area VARCHAR, fingerprint VARCHAR)            -- area: enrich stage; fingerprint: fingerprint stage
 * identifiers(path VARCHAR, name VARCHAR, count INT)   -- each file's top identifiers
 * </pre>
 */
public final class CensusStore implements AutoCloseable {
    /**
     * Identifier rows per INSERT statement. H2 runs each entry of a JDBC batch as a command of its
     * own; with one statement inserting many rows the same JDBC batch stores the census's ~260,000
     * identifier rows in about half the time.
     */
    static final int ROWS_PER_INSERT = 50;

    private final Connection connection;
    private final PreparedStatement insertFile;
    private final PreparedStatement insertIdentifiers;
    private final PreparedStatement insertIdentifier;

    private CensusStore(Connection connection) throws SQLException {
        this.connection = connection;
        String identifiers = "INSERT INTO identifiers(path, name, count) VALUES ";
        this.insertFile = connection.prepareStatement(
                "INSERT INTO files(module, path, lines, tokens, area, fingerprint) " + "VALUES (?, ?, ?, ?, ?, ?)");
        this.insertIdentifiers =
                connection.prepareStatement(identifiers + "(?, ?, ?), ".repeat(ROWS_PER_INSERT - 1) + "(?, ?, ?)");
        this.insertIdentifier = connection.prepareStatement(identifiers + "(?, ?, ?)");
    }

    /** The JDBC URL of the database whose file is {@code base}{@code .mv.db}. */
    public static String url(Path base) {
        return "jdbc:h2:file:" + base.toAbsolutePath();
    }

    /**
     * Opens (or creates) the database at {@code base}{@code .mv.db} and recreates its tables, empty.
     * A {@code temporary} database is about to be deleted, so H2 skips compacting it on close
     * (which takes about half a second for a full census). H2 does not close it from a shutdown hook
     * of its own: on Ctrl-C the demo cancels its run first and then closes the store, and H2 closing
     * it under a running insert would turn the cancel into a failure.
     */
    public static CensusStore create(Path base, boolean temporary) throws SQLException {
        Connection connection = DriverManager.getConnection(
                url(base) + ";DB_CLOSE_ON_EXIT=FALSE" + (temporary ? ";MAX_COMPACT_TIME=0" : ""), "sa", "");
        try {
            try (Statement s = connection.createStatement()) {
                s.execute("DROP TABLE IF EXISTS identifiers");
                s.execute("DROP TABLE IF EXISTS files");
                s.execute("CREATE TABLE files(module VARCHAR NOT NULL, path VARCHAR PRIMARY KEY, "
                        + "lines INT NOT NULL, tokens INT NOT NULL, area VARCHAR, fingerprint VARCHAR)");
                s.execute("CREATE TABLE identifiers(path VARCHAR NOT NULL, name VARCHAR NOT NULL, count INT NOT NULL)");
            }
            connection.setAutoCommit(false);
            return new CensusStore(connection);
        } catch (SQLException e) {
            closeQuietly(connection, e);
            throw e;
        }
    }

    /** Writes {@code batch} (its files and their top identifiers) with JDBC batches, in one transaction. */
    public void insert(List<CensusRow> batch) throws SQLException {
        int rows = 0;
        for (CensusRow r : batch) {
            rows += r.stats().topIdentifiers().size();
        }
        // Rows up to the last multiple of ROWS_PER_INSERT go in multi-row statements, the rest one by one.
        int inMultiRow = rows - rows % ROWS_PER_INSERT;
        try {
            int row = 0;
            for (CensusRow r : batch) {
                FileStats f = r.stats();
                insertFile.setString(1, f.module());
                insertFile.setString(2, f.path());
                insertFile.setInt(3, f.lines());
                insertFile.setInt(4, f.tokens());
                insertFile.setString(5, r.area());
                insertFile.setString(6, r.fingerprint());
                insertFile.addBatch();
                for (IdentifierCount id : f.topIdentifiers()) {
                    if (row < inMultiRow) {
                        int at = 3 * (row % ROWS_PER_INSERT);
                        insertIdentifiers.setString(at + 1, f.path());
                        insertIdentifiers.setString(at + 2, id.name());
                        insertIdentifiers.setInt(at + 3, id.count());
                        if (row % ROWS_PER_INSERT == ROWS_PER_INSERT - 1) {
                            insertIdentifiers.addBatch();
                        }
                    } else {
                        insertIdentifier.setString(1, f.path());
                        insertIdentifier.setString(2, id.name());
                        insertIdentifier.setInt(3, id.count());
                        insertIdentifier.addBatch();
                    }
                    row++;
                }
            }
            insertFile.executeBatch();
            insertIdentifiers.executeBatch();
            insertIdentifier.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            insertFile.clearBatch();
            insertIdentifiers.clearBatch();
            insertIdentifier.clearBatch();
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        }
    }

    /** {@code SELECT COUNT(*) FROM files}. */
    public long storedFiles() throws SQLException {
        return query("SELECT COUNT(*) FROM files", rs -> rs.getLong(1)).getFirst();
    }

    /**
     * Stored rows that lack what the {@code enrich} or {@code fingerprint} stage adds: an area, or a
     * fingerprint of 64 hex digits. Zero after a good run.
     */
    public long incompleteRows() throws SQLException {
        return query(
                        "SELECT COUNT(*) FROM files WHERE area IS NULL OR area = '' OR fingerprint IS NULL "
                                + "OR NOT REGEXP_LIKE(fingerprint, '^[0-9a-f]{64}$')",
                        rs -> rs.getLong(1))
                .getFirst();
    }

    /** The {@code n} areas with the most files, ties by name. */
    public List<AreaTotal> topAreas(int n) throws SQLException {
        return query(
                "SELECT area, COUNT(*) AS files, SUM(lines) FROM files GROUP BY area "
                        + "ORDER BY files DESC, area LIMIT " + n,
                rs -> new AreaTotal(rs.getString(1), rs.getLong(2), rs.getLong(3)));
    }

    /** Files whose fingerprint another file shares (the same code, up to comments and layout), and in how many groups. */
    public Duplicates duplicates() throws SQLException {
        return query(
                        "SELECT COUNT(*), COALESCE(SUM(n), 0) FROM "
                                + "(SELECT COUNT(*) AS n FROM files GROUP BY fingerprint HAVING COUNT(*) > 1)",
                        rs -> new Duplicates(rs.getLong(1), rs.getLong(2)))
                .getFirst();
    }

    /** The {@code n} identifiers with the highest summed counts, ties by name. */
    public List<IdentifierTotal> topIdentifiers(int n) throws SQLException {
        return query(
                "SELECT name, SUM(count) AS total, COUNT(*) AS in_files FROM identifiers "
                        + "GROUP BY name ORDER BY total DESC, name LIMIT " + n,
                rs -> new IdentifierTotal(rs.getString(1), rs.getLong(2), rs.getLong(3)));
    }

    /** The {@code n} modules with the most lines, ties by name. */
    public List<ModuleTotal> topModulesByLines(int n) throws SQLException {
        return query(
                "SELECT module, COUNT(*), SUM(lines) AS total_lines, SUM(tokens) FROM files "
                        + "GROUP BY module ORDER BY total_lines DESC, module LIMIT " + n,
                rs -> new ModuleTotal(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
    }

    /** The number of distinct modules stored. */
    public long moduleCount() throws SQLException {
        return query("SELECT COUNT(DISTINCT module) FROM files", rs -> rs.getLong(1))
                .getFirst();
    }

    /** Files, lines and tokens over the whole census, as module {@code all}. */
    public ModuleTotal totals() throws SQLException {
        return query(
                        "SELECT COUNT(*), COALESCE(SUM(lines), 0), COALESCE(SUM(tokens), 0) FROM files",
                        rs -> new ModuleTotal("all", rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .getFirst();
    }

    /** Reads one value from the current row of a result. */
    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Every row of {@code sql} (a constant query: the only number in it is an int limit). */
    private <T> List<T> query(String sql, Row<T> row) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(row.read(rs));
            }
            return rows;
        }
    }

    /** Closes the connection, which closes the embedded database (its files stay on disk). */
    @Override
    public void close() throws SQLException {
        connection.close();
    }

    private static void closeQuietly(Connection connection, SQLException cause) {
        try {
            connection.close();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}

package io.recopipe.components.ingest;

import static io.recopipe.components.ingest.IngestFixtures.ingest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.components.api.DatasetLayout;
import io.recopipe.components.warehouse.Column;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every table ingest publishes holds exactly what loading its dataset file on its own with DuckDB's
 * CSV reader gives (the way ingest has always loaded them): the same rows (EXCEPT ALL both ways),
 * in the file's order for the ratings and both splits, with the declared column types, ids as text.
 */
class IngestTablesTest {
  private static final Map<String, List<Column>> TABLES =
      Map.of(
          "ratings",
          IngestTables.RATINGS,
          "train",
          IngestTables.RATINGS,
          "eval",
          IngestTables.RATINGS,
          "movies",
          IngestTables.MOVIES,
          "users",
          IngestTables.USERS,
          "rejected_rows",
          RejectedRowsFile.COLUMNS);
  private static final Map<String, String> FILES =
      Map.of(
          "ratings",
          DatasetLayout.RATINGS,
          "train",
          DatasetLayout.TRAIN,
          "eval",
          DatasetLayout.EVAL,
          "movies",
          DatasetLayout.MOVIES,
          "users",
          DatasetLayout.USERS,
          "rejected_rows",
          RejectedRowsFile.FILE);

  @Test
  void movieLensReleaseWithCatalogs(@TempDir Path tmp) throws Exception {
    Path data = IngestFixtures.hundredK(tmp.resolve("ml-100k"));
    assertTablesMatchFiles(
        tmp, ingest(tmp, Map.of("source", data.toString(), "eval_fraction", "0.25")));
  }

  @Test
  void preset(@TempDir Path tmp) throws Exception {
    assertTablesMatchFiles(tmp, ingest(tmp, Map.of("source", "preset:ml-100k")));
  }

  @Test
  void textIdsHalfStarsAndRejectedRows(@TempDir Path tmp) throws Exception {
    Path csv =
        IngestFixtures.write(
            tmp.resolve("events.csv"),
            "user,item,rating,timestamp\n"
                + "007,b,4.5,100\n7,b,3,200\n007,a,0.5,300\nx,y,not-a-number,400\n7,0042,5,500\n"
                + "7,42,1.5,600\n");
    TestStepContext context =
        ingest(
            tmp, Map.of("source", csv.toString(), "max_bad_records", "1", "eval_fraction", "0.4"));
    assertTablesMatchFiles(tmp, context);
    try (Connection connection = open(tmp)) {
      assertEquals(
          List.of(
              List.of("007", "a", "0.5"),
              List.of("007", "b", "4.5"),
              List.of("7", "0042", "5.0"),
              List.of("7", "42", "1.5"),
              List.of("7", "b", "3.0")),
          rows(connection, "SELECT user_id, item_id, rating FROM ratings"));
      assertEquals(List.of(List.of("1")), rows(connection, "SELECT COUNT(*) FROM rejected_rows"));
    }
  }

  @Test
  void unicodeIdsAndDecimalRatingsLoadedFromMemory(@TempDir Path tmp) throws Exception {
    Path csv = tmp.resolve("events.csv");
    Files.writeString(
        csv,
        "user,item,rating,timestamp\n"
            + "\u00fc,stra\u00dfe x,0.1,100\n-0,\u00e4,2.25,200\nu 1,\ud83c\udfac,0.3,300\n"
            + "\u00fc,\u00e4,9.75,-5\n-0,stra\u00dfe x,1000000,0\n",
        StandardCharsets.UTF_8);
    assertTablesMatchFiles(
        tmp, ingest(tmp, Map.of("source", csv.toString(), "eval_fraction", "0.4")));
  }

  /** Compares every table with its file, loaded the way ingest always loaded it. */
  private static void assertTablesMatchFiles(Path root, TestStepContext context) throws Exception {
    Path dataset = context.output(IngestComponent.DATASET);
    try (Connection connection = open(root)) {
      for (Map.Entry<String, List<Column>> table : TABLES.entrySet()) {
        String name = table.getKey();
        List<Column> columns = table.getValue();
        assertEquals(
            columns.stream().map(c -> List.of(c.name(), c.sqlType())).toList(),
            rows(
                connection,
                "SELECT column_name, data_type FROM information_schema.columns"
                    + " WHERE table_schema = 'main' AND table_name = '"
                    + name
                    + "'"
                    + " ORDER BY ordinal_position"),
            name + " column types");
        Path file = dataset.resolve(FILES.get(name));
        String reference = "reference_" + name;
        execute(
            connection,
            "CREATE TEMP TABLE "
                + reference
                + " ("
                + columns.stream()
                    .map(c -> c.name() + " " + c.sqlType())
                    .collect(Collectors.joining(", "))
                + ")");
        if (Files.isRegularFile(file) && Files.size(file) > 0) {
          execute(
              connection,
              "INSERT INTO "
                  + reference
                  + " SELECT * FROM read_csv('"
                  + file
                  + "', delim='\t', header=false, quote='', escape='', auto_detect=false, columns={"
                  + columns.stream()
                      .map(c -> "'" + c.name() + "': '" + c.sqlType() + "'")
                      .collect(Collectors.joining(", "))
                  + "})");
        }
        for (String[] pair : new String[][] {{name, reference}, {reference, name}}) {
          assertEquals(
              List.of(List.of("0")),
              rows(
                  connection,
                  "SELECT COUNT(*) FROM (SELECT *"
                      + " FROM "
                      + pair[0]
                      + " EXCEPT ALL SELECT * FROM "
                      + pair[1]
                      + ")"),
              name + ": rows of " + pair[0] + " missing from " + pair[1]);
        }
        assertEquals(
            rows(connection, "SELECT COUNT(*) FROM " + reference),
            rows(connection, "SELECT COUNT(*) FROM " + name),
            name + " row count");
      }
      for (String split : List.of("ratings", "train", "eval")) {
        assertInFileOrder(connection, split, dataset.resolve(FILES.get(split)));
      }
    }
  }

  /** The table's rows, read without ORDER BY, are the file's lines in order. */
  private static void assertInFileOrder(Connection connection, String table, Path file)
      throws Exception {
    List<List<String>> expected = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] fields = line.split("\t", -1);
      expected.add(
          List.of(
              fields[0],
              fields[1],
              Double.toString(Double.parseDouble(fields[2])),
              Long.toString(Long.parseLong(fields[3]))));
    }
    assertTrue(!expected.isEmpty(), table + " is empty");
    List<List<String>> actual = rows(connection, "SELECT * FROM " + table);
    assertEquals(expected.size(), actual.size(), table + " row count");
    for (int n = 0; n < expected.size(); n++) {
      assertEquals(expected.get(n), actual.get(n), table + " row " + (n + 1) + " (file order)");
    }
  }

  private static Connection open(Path root) throws SQLException {
    return DriverManager.getConnection("jdbc:duckdb:" + root.resolve("warehouse.duckdb"));
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** Every row as the text of its values (doubles as Java prints them). */
  private static List<List<String>> rows(Connection connection, String sql) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet results = statement.executeQuery(sql)) {
      int width = results.getMetaData().getColumnCount();
      while (results.next()) {
        List<String> row = new ArrayList<>(width);
        for (int n = 1; n <= width; n++) {
          row.add(String.valueOf(results.getObject(n)));
        }
        rows.add(row);
      }
    }
    return rows;
  }
}

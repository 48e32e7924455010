package io.recopipe.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.pipeline.testing.FastConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad data files given to {@code run} exit 2 with the one line ingest would print: refused before
 * anything is recorded (no home created) when the file's start shows the problem, and recorded as a
 * FAILED run when ingest finds it deeper in the file.
 */
class RunCommandDataTest {
  @TempDir Path dir;

  private Path home() {
    return dir.resolve("home");
  }

  private CliRunner.Result run(Path data, String... sets) throws IOException {
    Path config = Files.writeString(dir.resolve("fast.yaml"), FastConfig.YAML);
    String[] args = {
      "run", "--home", home().toString(), "--config", config.toString(), "--data", data.toString()
    };
    String[] all = java.util.Arrays.copyOf(args, args.length + 2 * sets.length);
    for (int n = 0; n < sets.length; n++) {
      all[args.length + 2 * n] = "--set";
      all[args.length + 2 * n + 1] = sets[n];
    }
    return CliRunner.run(all);
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  /** A header and {@code lines - 1} rows whose ratings follow user and item biases. */
  private Path ratings(String name, int lines, int badLine) throws IOException {
    StringBuilder text = new StringBuilder("user_id,item_id,rating\n");
    Random random = new Random(7);
    for (int line = 2; line <= lines; line++) {
      int user = random.nextInt(200);
      int item = random.nextInt(150);
      String rating = line == badLine ? "four" : Integer.toString(1 + user % 3 + item % 3);
      text.append(user).append(',').append(item).append(',').append(rating).append('\n');
    }
    return write(name, text.toString());
  }

  private void assertRefusedBeforeRecording(CliRunner.Result result, String... mentions) {
    assertEquals(ExitCodes.BAD_INPUT, result.code(), result.out() + result.err());
    assertEquals(1, result.err().lines().count(), result.err());
    assertTrue(result.err().startsWith("recopipe: error: "), result.err());
    for (String mention : mentions) {
      assertTrue(result.err().contains(mention), result.err());
    }
    assertFalse(Files.exists(home()), "the home was created");
  }

  @Test
  void aMissingPathIsRefusedBeforeTheRun() throws IOException {
    Path missing = dir.resolve("nowhere.csv");
    assertRefusedBeforeRecording(run(missing), "no such file", missing.toString());
  }

  @Test
  void aBinaryFileIsNamedAsBinary() throws IOException {
    byte[] bytes = new byte[4096];
    new Random(3).nextBytes(bytes);
    bytes[10] = 0;
    Path file = Files.write(dir.resolve("ratings.csv"), bytes);
    assertRefusedBeforeRecording(run(file), file.toString(), "binary");
  }

  @Test
  void utf16WithoutAByteOrderMarkIsNamed() throws IOException {
    Path file =
        Files.write(
            dir.resolve("utf16.csv"),
            "user_id,item_id,rating\n1,2,3\n2,3,4\n".getBytes(StandardCharsets.UTF_16LE));
    assertRefusedBeforeRecording(run(file), "UTF-16", "UTF-8");
  }

  @Test
  void anUndetectableUserColumnGivesTheExactSet() throws IOException {
    Path file = write("people.csv", "person,item_id,rating\n1,2,3\n2,3,4\n");
    assertRefusedBeforeRecording(
        run(file), "person, item_id, rating", "--set ingest.user_col=NAME");
  }

  @Test
  void anEarlyBadRowNamesLineAndColumn() throws IOException {
    Path file = write("early.csv", "user_id,item_id,rating\n1,2,3\n1,3,x\n2,2,4\n");
    assertRefusedBeforeRecording(run(file), "early.csv line 3, column 3 (rating)", "'x'");
  }

  @Test
  void aBadParquetRowIsRefusedBeforeTheRun() throws IOException, SQLException {
    Path file = dir.resolve("ratings.parquet");
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      statement.execute(
          "COPY (SELECT * FROM (VALUES ('1', '2', '4'), ('2', '3', 'five'))"
              + " t(user_id, item_id, rating)) TO '"
              + file
              + "' (FORMAT parquet)");
    }
    assertRefusedBeforeRecording(run(file), "ratings.parquet row 2", "'five'");
  }

  @Test
  void aBadRowDeepInTheFileFailsTheRecordedRunWithExitTwo() throws IOException {
    Path file = ratings("deep.csv", 6_000, 5_000);
    CliRunner.Result result = run(file);
    assertEquals(ExitCodes.BAD_INPUT, result.code(), result.out() + result.err());
    assertEquals(1, result.err().lines().count(), result.err());
    assertTrue(
        result
            .err()
            .contains(
                "deep.csv line 5000, column 3 (rating): expected a numeric"
                    + " rating, found 'four'"),
        result.err());
    CliRunner.Result runs = CliRunner.run("runs", "list", "--home", home().toString());
    assertTrue(runs.out().contains("FAILED"), runs.out());
    assertTrue(runs.out().contains("deep.csv line 5000"), runs.out());
  }

  @Test
  void aSkippedBadRowAndAGoodFileStillRun() throws IOException {
    Path file = ratings("good.csv", 6_000, 3);
    CliRunner.Result result = run(file, "ingest.max_bad_records=1", "deploy.enabled=false");
    assertEquals(ExitCodes.OK, result.code(), result.out() + result.err());
    assertTrue(result.out().contains("1 bad row skipped"), result.out());
  }
}

package io.recopipe.pipeline.cli;

import com.sun.management.OperatingSystemMXBean;
import io.recopipe.components.warehouse.DuckDbWarehouse;
import io.recopipe.components.warehouse.Warehouse;
import io.recopipe.components.warehouse.WarehouseException;
import io.recopipe.model.error.InvalidInputException;
import io.recopipe.model.io.Json;
import io.recopipe.pipeline.artifacts.Directories;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code recopipe bench commit}: what a run's commit point costs in the local warehouse, the part
 * of a run outside its steps that used to grow with the data: stages tables shaped like a run's
 * (ratings, train, eval, ML.WEIGHTS-style factor lists, every user's top 50) in a scratch DuckDB
 * file and times publishing them, wall and process CPU, one JSON line per size.
 */
@Command(
    name = "commit",
    mixinStandardHelpOptions = true,
    description = "Benchmarks publishing a run's staged warehouse tables; one JSON line per size.")
final class BenchCommitCommand implements Callable<Integer> {
  /** Ratings per user, as in the MovieLens presets (ml-20m: 20,000,263 over 138,493 users). */
  private static final int RATINGS_PER_USER = 144;

  @Option(
      names = "--ratings",
      split = ",",
      defaultValue = "1000209,20000263",
      description = "Ratings per case (default: ${DEFAULT-VALUE}, the ml-1m and ml-20m sizes).")
  long[] ratings;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException, WarehouseException {
    PrintWriter out = spec.commandLine().getOut();
    for (long rows : ratings) {
      if (rows < 10) {
        throw new InvalidInputException("--ratings must be >= 10, was " + rows);
      }
      Path dir = Files.createTempDirectory("recopipe-bench-commit");
      try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(dir.resolve("warehouse.duckdb"))) {
        long users = Math.max(1, rows / RATINGS_PER_USER);
        stage(warehouse.staged("r1"), rows, users);
        warehouse.query("CHECKPOINT");
        OperatingSystemMXBean os =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        int tables = warehouse.publishStaged("r1").size();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("case", "commit-" + rows);
        row.put("ratings", rows);
        row.put("recommendations", users * 50);
        row.put("tables", tables);
        row.put("seconds", Math.round((System.nanoTime() - start) / 1e6) / 1000.0);
        row.put("cpu_seconds", Math.round((os.getProcessCpuTime() - cpu) / 1e6) / 1000.0);
        out.println(Json.compact(Json.valueOf(row)));
        out.flush();
      } finally {
        Directories.deleteRecursively(dir);
      }
    }
    return ExitCodes.OK;
  }

  private static void stage(Warehouse run, long rows, long users) throws WarehouseException {
    String ratings =
        "SELECT CAST(range // "
            + RATINGS_PER_USER
            + " AS VARCHAR) AS user_id,"
            + " CAST(hash(range) % 26744 AS VARCHAR) AS item_id,"
            + " CAST(range % 5 + 1 AS DOUBLE) AS rating, range AS timestamp FROM range(";
    run.replaceTableAs("ratings", ratings + rows + ")");
    run.replaceTableAs("train", ratings + rows * 9 / 10 + ")");
    run.replaceTableAs("eval", ratings + rows / 10 + ")");
    run.replaceTableAs(
        "weights",
        "SELECT CAST(range AS VARCHAR) AS feature,"
            + " [random() FOR x IN range(64)] AS factor_weights FROM range("
            + users
            + ")");
    run.replaceTableAs(
        "recommendations",
        "SELECT CAST(range // 50 AS VARCHAR) AS user_id,"
            + " CAST(hash(range) % 26744 AS VARCHAR) AS item_id, range % 50 + 1 AS rank,"
            + " random() AS score FROM range("
            + users * 50
            + ")");
  }
}

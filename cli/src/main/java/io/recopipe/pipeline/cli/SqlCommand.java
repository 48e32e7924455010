package io.recopipe.pipeline.cli;

import io.recopipe.components.warehouse.DuckDbWarehouse;
import io.recopipe.components.warehouse.QueryResult;
import io.recopipe.components.warehouse.WarehouseException;
import io.recopipe.model.error.InvalidInputException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code recopipe sql "SELECT …"}: queries the home's warehouse (ratings, train, eval,
 * training_info, evaluation, weights, recommendations), the tables users would query in BigQuery.
 */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    description = "Runs SQL against the warehouse and prints the result.")
final class SqlCommand implements Callable<Integer> {
  @Parameters(paramLabel = "SQL", description = "The query, e.g. \"SELECT * FROM evaluation\".")
  String sql;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "table or tsv " + "(default: ${DEFAULT-VALUE}).")
  String format;

  @Mixin HomeOption home;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws WarehouseException {
    if (!format.equals("table") && !format.equals("tsv")) {
      throw new InvalidInputException("--format: expected table or tsv, found '" + format + "'");
    }
    var resolved = home.resolve();
    if (!java.nio.file.Files.exists(resolved.warehouseDb())) {
      throw new InvalidInputException(
          "no warehouse at "
              + resolved.warehouseDb()
              + " yet: run a pipeline first (./recopipe run)");
    }
    try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(resolved.warehouseDb())) {
      QueryResult result = warehouse.query(sql);
      PrintWriter out = spec.commandLine().getOut();
      out.print(
          format.equals("tsv")
              ? TextTable.tsv(result.columns(), result.rows())
              : TextTable.render(result.columns(), result.rows()) + "\n");
      out.flush();
    }
    return ExitCodes.OK;
  }
}

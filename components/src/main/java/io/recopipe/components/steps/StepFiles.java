package io.recopipe.components.steps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.components.api.ComponentException;
import io.recopipe.components.warehouse.Column;
import io.recopipe.components.warehouse.Warehouse;
import io.recopipe.components.warehouse.WarehouseException;
import io.recopipe.components.writers.AtomicFiles;
import io.recopipe.model.bundle.ModelBundle;
import io.recopipe.model.io.Json;
import io.recopipe.model.io.JsonFields;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The file and warehouse chores every step shares (loading a bundle, writing JSON atomically,
 * replacing a table), each failure turned into one line naming the step; datasets are read through
 * {@link io.recopipe.components.dataset.DatasetInput}.
 */
public final class StepFiles {
  private StepFiles() {}

  /** Loads and verifies the model bundle in {@code dir}. */
  public static ModelBundle bundle(String step, Path dir) throws ComponentException {
    try {
      return ModelBundle.load(dir);
    } catch (IOException | IllegalArgumentException e) {
      throw new ComponentException(
          step + ": cannot load the model bundle at " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Writes {@code json} pretty-printed to {@code file}, atomically. */
  public static void writeJson(String step, Path file, JsonNode json) throws ComponentException {
    byte[] bytes = (Json.pretty(json) + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      AtomicFiles.write(file, out -> out.write(bytes));
    } catch (IOException e) {
      throw new ComponentException(step + ": cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads the JSON object in {@code file}. */
  public static ObjectNode readJson(String step, Path file) throws ComponentException {
    try {
      return JsonFields.asObject(Json.parse(Files.readAllBytes(file)));
    } catch (IOException | IllegalArgumentException e) {
      throw new ComponentException(step + ": cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Replaces warehouse table {@code table}. */
  public static void replaceTable(
      String step,
      Warehouse warehouse,
      String table,
      List<Column> columns,
      Iterable<List<Object>> rows)
      throws ComponentException {
    try {
      warehouse.replaceTable(table, columns, rows);
    } catch (WarehouseException e) {
      throw new ComponentException(
          step + ": cannot write table " + table + ": " + e.getMessage(), e);
    }
  }

  /** Replaces warehouse table {@code table} with the rows of a headerless TSV file. */
  public static void replaceTableFromTsv(
      String step, Warehouse warehouse, String table, List<Column> columns, Path tsv)
      throws ComponentException {
    try {
      warehouse.replaceTableFromTsv(table, columns, tsv);
    } catch (WarehouseException e) {
      throw new ComponentException(
          step + ": cannot write table " + table + ": " + e.getMessage(), e);
    }
  }

  /** A JSON number, or null for NaN and infinities (JSON has neither). */
  public static JsonNode number(double value) {
    return Json.number(value);
  }
}

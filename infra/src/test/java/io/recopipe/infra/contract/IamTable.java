package io.recopipe.infra.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The cited tables {@code iam-methods.csv} (Google API method → identity → permission → resource)
 * and {@code iam-roles.csv} (predefined role → permission, held or not), so the contract tests can
 * refuse a call to a method nobody has looked up and the IAM test can check Terraform's grants.
 */
public final class IamTable {
  /** One row of {@code iam-methods.csv}. */
  public record MethodRow(
      String method,
      String identity,
      String permission,
      String resource,
      String status,
      String source) {}

  /** One row of {@code iam-roles.csv}. */
  public record RoleRow(String role, String permission, boolean included, String source) {}

  private IamTable() {}

  /** Every row of {@code iam-methods.csv}. */
  public static List<MethodRow> methods() {
    List<MethodRow> rows = new ArrayList<>();
    for (String[] r : rows("iam-methods.csv", 6)) {
      rows.add(new MethodRow(r[0], r[1], r[2], r[3], r[4], r[5]));
    }
    return rows;
  }

  /** Every row of {@code iam-roles.csv}. */
  public static List<RoleRow> roles() {
    List<RoleRow> rows = new ArrayList<>();
    for (String[] r : rows("iam-roles.csv", 4)) {
      rows.add(new RoleRow(r[0], r[1], Boolean.parseBoolean(r[2]), r[3]));
    }
    return rows;
  }

  /** The methods the code calls today (the rows whose status is not pending). */
  public static Set<String> calledMethods() {
    Set<String> ids = new TreeSet<>();
    methods().stream()
        .filter(row -> !row.status().startsWith("pending"))
        .forEach(row -> ids.add(row.method()));
    return ids;
  }

  private static List<String[]> rows(String name, int columns) {
    try (InputStream in = IamTable.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      List<String[]> rows = new ArrayList<>();
      boolean header = true;
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (header) {
          header = false;
          continue;
        }
        String[] cells = line.split(",", columns);
        if (cells.length != columns || cells[columns - 1].isBlank()) {
          throw new IllegalStateException(name + ": a row needs " + columns + " cells: " + line);
        }
        rows.add(cells);
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

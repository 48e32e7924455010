package io.recopipe.components.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A warehouse file held by another process is refused with a message that says so. */
class WarehouseLockTest {
  /** Child process: opens the warehouse, says "ready", holds it until stdin closes. */
  public static void main(String[] args) throws Exception {
    try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(Path.of(args[0]))) {
      warehouse.query("CREATE TABLE held AS SELECT 1 AS x");
      System.out.println("ready");
      System.out.flush();
      while (System.in.read() >= 0) {
        // wait for the parent to close our stdin
      }
    }
  }

  @Test
  void anotherProcessHoldingTheFileIsNamed(@TempDir Path tmp) throws Exception {
    Path file = tmp.resolve("w.duckdb");
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                WarehouseLockTest.class.getName(),
                file.toString())
            .redirectErrorStream(true)
            .start();
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      String line;
      do {
        line = out.readLine();
      } while (line != null && !line.equals("ready"));
      assertEquals("ready", line);
      WarehouseException e =
          assertThrows(WarehouseException.class, () -> DuckDbWarehouse.open(file));
      assertTrue(
          e.getMessage().startsWith("warehouse " + file + " is in use by another process"),
          e.getMessage());
      assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    } finally {
      child.getOutputStream().close();
      if (!child.waitFor(30, TimeUnit.SECONDS)) {
        child.destroyForcibly();
      }
    }
    try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(file)) {
      assertTrue(warehouse.hasTable("held"));
    }
  }
}

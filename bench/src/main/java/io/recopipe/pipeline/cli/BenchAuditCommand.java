package io.recopipe.pipeline.cli;

import io.recopipe.model.error.InvalidInputException;
import io.recopipe.model.io.Json;
import io.recopipe.pipeline.audit.AuditLog;
import io.recopipe.pipeline.audit.AuditVerification;
import io.recopipe.pipeline.audit.SqliteAuditLog;
import io.recopipe.pipeline.metadata.MetadataStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code recopipe bench audit}: what the hash-chained audit log costs, appends per second (each its
 * own IMMEDIATE transaction, as reviewer actions are) and the time {@code audit verify} takes over
 * the whole chain, in a scratch SQLite file; one JSON line per size.
 */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "Benchmarks audit-log appends and verification; one JSON line per size.")
final class BenchAuditCommand implements Callable<Integer> {
  @Option(
      names = "--entries",
      split = ",",
      defaultValue = "1000,10000,100000",
      description = "Chain lengths (default: ${DEFAULT-VALUE}).")
  int[] entries;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    for (int n : entries) {
      if (n < 1) {
        throw new InvalidInputException("--entries must be >= 1, was " + n);
      }
      Path dir = Files.createTempDirectory("recopipe-bench-audit");
      try (MetadataStore store = MetadataStore.open(dir.resolve("metadata.db"))) {
        AuditLog log = new SqliteAuditLog(store);
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
          log.append(
              t.plusSeconds(i),
              "reviewer-" + (i % 7),
              "approve",
              "movielens-mf/v" + i,
              Map.of("comment", "looks fine " + i, "run_id", "run-" + i));
        }
        double appendSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        AuditVerification verification = log.verify();
        double verifySeconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("case", "audit-" + n);
        row.put("entries", n);
        row.put("append_per_s", Math.round(n / appendSeconds));
        row.put("append_ms_each", Math.round(appendSeconds * 1e6 / n) / 1000.0);
        row.put("verify_s", Math.round(verifySeconds * 1000) / 1000.0);
        row.put("verify_entries_per_s", Math.round(n / verifySeconds));
        row.put("intact", verification.intact());
        out.println(Json.compact(Json.valueOf(row)));
        out.flush();
      } finally {
        deleteTree(dir);
      }
    }
    return ExitCodes.OK;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}

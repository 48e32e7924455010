package io.recopipe.pipeline.conformance;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A BigQuery CSV export (BigQuery ML's column names, TIMESTAMP values written {@code 2000-12-31
 * 22:12:40 UTC}) run by the shipped pipeline with nothing but {@code --data} to a served
 * prediction: the columns and the time format are detected, not configured.
 */
class BigQueryExportConformanceIT {
  @Test
  void aBigQueryCsvExportIsServedWithoutColumnSettings(@TempDir Path dir) throws Exception {
    Fixture fixture = BigQueryExportFixture.write(dir.resolve("export"));
    ServedPipeline.runToServedPrediction(fixture, dir.resolve("home"));
  }
}

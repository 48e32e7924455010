package io.recopipe.pipeline.conformance;

import io.recopipe.pipeline.conformance.ParquetFixtures.Variant;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Parquet files with int32, int64 and string ids and float, double and decimal ratings, in the
 * column names the tools that write them use, each run by the shipped pipeline with only {@code
 * --data} to a served prediction whose ids keep the input's type.
 */
class ParquetConformanceIT {
  @ParameterizedTest(name = "{0}")
  @EnumSource(Variant.class)
  void aParquetFileIsServed(Variant variant, @TempDir Path dir) throws Exception {
    Fixture fixture = ParquetFixtures.write(variant, dir.resolve("data"));
    ServedPipeline.runToServedPrediction(fixture, dir.resolve("home"));
  }
}

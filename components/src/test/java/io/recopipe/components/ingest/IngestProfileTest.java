package io.recopipe.components.ingest;

import static io.recopipe.components.ingest.IngestFixtures.ingest;
import static io.recopipe.components.ingest.IngestFixtures.read;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.recopipe.components.dataset.IngestedDataset;
import io.recopipe.components.validation.DataProfile;
import io.recopipe.model.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data profile ingest records is the one later steps would compute from the splits. */
class IngestProfileTest {
  @Test
  void recordedProfileEqualsTheOneComputedFromTheSplits(@TempDir Path tmp) throws Exception {
    for (String source :
        new String[] {
          "preset:ml-100k", IngestFixtures.hundredK(tmp.resolve("ml-100k")).toString()
        }) {
      Path root = tmp.resolve("run-" + source.length());
      TestStepContext context = ingest(root, Map.of("source", source));
      Path dataset = root.resolve("out/dataset");
      String recorded = read(context, DataProfile.FILE);
      assertEquals(
          recorded,
          Json.pretty(DataProfile.of(IngestedDataset.open(dataset)).toJson()) + "\n",
          "read back as written");

      Files.delete(dataset.resolve(DataProfile.FILE));
      assertEquals(
          recorded,
          Json.pretty(DataProfile.of(IngestedDataset.open(dataset)).toJson()) + "\n",
          "computed from train.tsv and eval.tsv: " + source);
    }
  }
}

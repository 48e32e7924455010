package io.recopipe.pipeline.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.recopipe.components.api.ArtifactType;
import io.recopipe.pipeline.artifacts.StoredArtifact;
import io.recopipe.pipeline.config.StepParameterView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheKeyAndParametersTest {
  private static final ToyComponent V1 =
      new ToyComponent("train", "1", List.of(), List.of(), c -> {});
  private static final ToyComponent V2 =
      new ToyComponent("train", "2", List.of(), List.of(), c -> {});

  private static StoredArtifact artifact(String sha) {
    return new StoredArtifact(1, "r/s/p", ArtifactType.DATASET, sha, 1);
  }

  @Test
  void stepsSeeTheirPrefixedKeysAndGlobalsWithPrefixedOnesWinning() {
    Map<String, String> run =
        Map.of(
            "seed",
            "1",
            "num_factors",
            "9",
            "train.num_factors",
            "8",
            "ingest.rows",
            "5",
            "train.a.b",
            "x");
    assertEquals(
        Map.of("seed", "1", "num_factors", "8", "a.b", "x"), StepParameterView.of("train", run));
    assertEquals(
        Map.of("seed", "1", "num_factors", "9", "rows", "5"), StepParameterView.of("ingest", run));
  }

  @Test
  void theKeyCoversVersionInputsAndParametersButNotTheirOrder() {
    Map<String, StoredArtifact> inputs = Map.of("dataset", artifact("aa"), "model", artifact("bb"));
    Map<String, String> ordered = new LinkedHashMap<>();
    ordered.put("a", "1");
    ordered.put("b", "2");
    Map<String, String> reversed = new LinkedHashMap<>();
    reversed.put("b", "2");
    reversed.put("a", "1");
    String key = CacheKey.of(V1, inputs, ordered);
    assertEquals(key, CacheKey.of(V1, inputs, reversed));
    assertNotEquals(key, CacheKey.of(V2, inputs, ordered));
    assertNotEquals(
        key, CacheKey.of(V1, Map.of("dataset", artifact("aa"), "model", artifact("bc")), ordered));
    assertNotEquals(
        key,
        CacheKey.of(V1, Map.of("dataset", artifact("bb"), "model", artifact("aa")), ordered),
        "hashes are bound to their ports");
    assertNotEquals(key, CacheKey.of(V1, inputs, Map.of("a", "1", "b", "3")));
    assertNotEquals(
        CacheKey.of(V1, Map.of(), Map.of("a", "1\nparam.b=2")),
        CacheKey.of(V1, Map.of(), Map.of("a", "1", "b", "2")),
        "values cannot forge fields");
  }
}

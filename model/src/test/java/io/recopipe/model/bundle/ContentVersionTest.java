package io.recopipe.model.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.model.als.AlsOptions;
import io.recopipe.model.als.TrainingIteration;
import io.recopipe.model.data.IdDictionary;
import io.recopipe.model.data.RatingRange;
import io.recopipe.model.mf.MfModel;
import io.recopipe.model.provenance.Provenance;
import io.recopipe.model.scoring.RatedItems;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentVersionTest {
  /** The fixture's version under the content rule (checked by hand); pinned against drift. */
  private static final String LEGACY_VERSION = "a7640113bf40";

  @TempDir Path temp;

  @Test
  void aBundleWrittenBeforeTheRuleLoadsAndKeepsItsVersion() throws Exception {
    Path legacy = copyOfLegacyFixture();
    ModelBundle bundle = ModelBundle.load(legacy);
    assertEquals("run-20240501-120000-fixture", bundle.manifest().provenance().runId());
    assertEquals(LEGACY_VERSION, ContentVersion.of(legacy));
    assertEquals(LEGACY_VERSION, ContentVersion.of(bundle));
  }

  @Test
  void ignoresProvenanceMetricsTrainingInfoOptionsAndTheDataProfile() throws IOException {
    MfModel model = TestBundles.randomModel(6, 5, 3, 11);
    String first = ContentVersion.of(write("a", model, manifest(3, 1, "sha256:one", 0.5)));
    Path second =
        write(
            "b",
            model,
            BundleManifest.builder()
                .options(AlsOptions.builder().numFactors(3).l2Reg(9.0).build(), 77)
                .trainingInfo(List.of(new TrainingIteration(0, 7.0, 8.0, 7.5, 99)))
                .metric("rmse", 0.1)
                .metric("r2", 0.9)
                .provenance(
                    new Provenance(
                        "9.9.9",
                        "feedbeef",
                        2,
                        "sha256:two",
                        java.time.Instant.parse("2020-01-01T00:00:00Z"),
                        "run-other"))
                .userColumn("visitor")
                .itemColumn("product")
                .build());
    Files.writeString(second.resolve("data_profile.json"), "{\"rows\": 3}\n");
    assertEquals(first, ContentVersion.of(second));
    assertEquals(first, ContentVersion.of(ModelBundle.load(second)));
    assertEquals(ContentVersion.LENGTH, first.length());
    assertTrue(first.matches("[0-9a-f]{12}"), first);
  }

  @Test
  void changesWithOneFactorOneIdOrAnythingElseServingReads() throws IOException {
    MfModel model = TestBundles.randomModel(6, 5, 3, 11);
    String base = ContentVersion.of(write("base", model, manifest(3, 1, "f", 0.5)));
    float[] factors = model.itemFactors().clone();
    factors[4] = Math.nextUp(factors[4]);
    MfModel oneFactor =
        new MfModel(
            model.users(),
            model.items(),
            3,
            model.globalIntercept(),
            model.userFactors(),
            model.userIntercepts(),
            factors,
            model.itemIntercepts());
    List<String> ids = new ArrayList<>(model.users().ids());
    ids.set(2, ids.get(2) + "x");
    MfModel oneId =
        new MfModel(
            IdDictionary.of(ids),
            model.items(),
            3,
            model.globalIntercept(),
            model.userFactors(),
            model.userIntercepts(),
            model.itemFactors(),
            model.itemIntercepts());
    MfModel intercept =
        new MfModel(
            model.users(),
            model.items(),
            3,
            3.0f,
            model.userFactors(),
            model.userIntercepts(),
            model.itemFactors(),
            model.itemIntercepts());
    List<String> versions =
        List.of(
            base,
            ContentVersion.of(write("factor", oneFactor, manifest(3, 1, "f", 0.5))),
            ContentVersion.of(write("id", oneId, manifest(3, 1, "f", 0.5))),
            ContentVersion.of(write("intercept", intercept, manifest(3, 1, "f", 0.5))),
            ContentVersion.of(
                write(
                    "range",
                    model,
                    BundleManifest.builder()
                        .options(AlsOptions.builder().numFactors(3).build(), 10)
                        .provenance(Provenance.of(1, "f", Map.of()))
                        .ratingRange(new RatingRange(0, 1))
                        .build())),
            ContentVersion.of(
                write(
                    "implicit",
                    model,
                    BundleManifest.builder()
                        .options(Map.of("feedback_type", "IMPLICIT", "num_factors", 3))
                        .provenance(Provenance.of(1, "f", Map.of()))
                        .build())),
            ContentVersion.of(
                BundleWriter.write(
                        temp.resolve("rated"),
                        model,
                        manifest(3, 1, "f", 0.5),
                        RatedItems.fromCsr(new int[] {0, 1, 1, 1, 1, 1, 1}, new int[] {2}, 5),
                        BundleWriter.IfExists.FAIL)
                    .directory()));
    assertEquals(versions.size(), versions.stream().distinct().count(), versions.toString());
  }

  private Path write(String name, MfModel model, BundleManifest manifest) throws IOException {
    return BundleWriter.write(temp.resolve(name), model, manifest).directory();
  }

  private static BundleManifest manifest(int k, long seed, String fingerprint, double rmse) {
    return BundleManifest.builder()
        .options(AlsOptions.builder().numFactors(k).build(), 10)
        .metric("rmse", rmse)
        .provenance(Provenance.of(seed, fingerprint, Map.of()))
        .build();
  }

  private Path copyOfLegacyFixture() throws IOException, URISyntaxException {
    Path source =
        Path.of(getClass().getResource("legacy-bundle-v1/manifest.json").toURI()).getParent();
    Path copy = temp.resolve("legacy");
    Files.createDirectories(copy);
    try (Stream<Path> files = Files.list(source)) {
      for (Path file : files.toList()) {
        Files.copy(file, copy.resolve(file.getFileName().toString()));
      }
    }
    return copy;
  }
}

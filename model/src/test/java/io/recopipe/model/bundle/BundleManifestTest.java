package io.recopipe.model.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.recopipe.model.provenance.Provenance;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BundleManifestTest {
  private static final Provenance PROVENANCE = Provenance.of(7, "sha256:data", Map.of());

  @Test
  void defaultsComeFromOptionsAndProvenance() {
    BundleManifest manifest =
        BundleManifest.builder()
            .options(Map.of("feedback_type", "implicit"))
            .provenance(PROVENANCE)
            .build();
    assertEquals("IMPLICIT", manifest.feedbackType());
    assertEquals("sha256:data", manifest.dataFingerprint());
    assertEquals("user_id", manifest.userColumn());
    assertEquals("item_id", manifest.itemColumn());
    assertEquals(List.of(), manifest.trainingInfo());
    assertEquals(Map.of(), manifest.metrics());
  }

  @Test
  void optionsAreNormalizedAsJsonReadsThemBack() {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("num_factors", 10);
    options.put("l2_reg", 0.5f);
    options.put("early_stop", true);
    options.put("alpha", Double.NaN);
    BundleManifest manifest =
        BundleManifest.builder()
            .feedbackType("EXPLICIT")
            .options(options)
            .provenance(PROVENANCE)
            .build();
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("num_factors", 10L);
    expected.put("l2_reg", 0.5);
    expected.put("early_stop", true);
    expected.put("alpha", null);
    assertEquals(expected, manifest.options());
    assertEquals(
        List.of("num_factors", "l2_reg", "early_stop", "alpha"),
        List.copyOf(manifest.options().keySet()));
  }

  @Test
  void refusesMissingOrInvalidParts() {
    assertEquals(
        "a bundle manifest needs provenance",
        assertThrows(
                IllegalArgumentException.class,
                () -> BundleManifest.builder().feedbackType("EXPLICIT").build())
            .getMessage());
    assertEquals(
        "a bundle manifest needs a feedback type",
        assertThrows(
                IllegalArgumentException.class,
                () -> BundleManifest.builder().provenance(PROVENANCE).build())
            .getMessage());
    assertEquals(
        "feedback_type must be EXPLICIT or IMPLICIT, was 'sometimes'",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    BundleManifest.builder()
                        .feedbackType("sometimes")
                        .provenance(PROVENANCE)
                        .build())
            .getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            BundleManifest.builder()
                .feedbackType("EXPLICIT")
                .provenance(PROVENANCE)
                .userColumn(" ")
                .build());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            BundleManifest.builder()
                .feedbackType("EXPLICIT")
                .options(Map.of("x", new Object()))
                .provenance(PROVENANCE)
                .build());
  }

  @Test
  void fileEntriesMustBePlainNamesWithDigests() {
    String sha = "0".repeat(64);
    assertThrows(IllegalArgumentException.class, () -> new BundleFile("a/b", 1, sha));
    assertThrows(IllegalArgumentException.class, () -> new BundleFile("..", 1, sha));
    assertThrows(IllegalArgumentException.class, () -> new BundleFile("a", -1, sha));
    assertThrows(IllegalArgumentException.class, () -> new BundleFile("a", 1, "ABC"));
    assertEquals("a", new BundleFile("a", 0, sha).name());
  }
}

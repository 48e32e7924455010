package io.recopipe.infra.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GcpConfigTest {
  /** A complete, valid gcp section. */
  static Map<String, String> valid() {
    Map<String, String> p = DemoGcpConfig.parameters();
    p.put("gcp.invokers", "serviceAccount:app@recopipe-demo.iam.gserviceaccount.com");
    return p;
  }

  @Test
  void readsACompleteSection() {
    GcpConfig config = GcpConfig.from(valid(), "c.yaml");
    assertEquals(
        "europe-west1-docker.pkg.dev/recopipe-demo/recopipe/recopipe", config.imageRepository());
    assertEquals("projects/recopipe-demo/locations/europe-west1", config.locationName());
    assertEquals("europe-west1", config.datasetLocation());
    assertEquals(
        List.of("serviceAccount:app@recopipe-demo.iam.gserviceaccount.com"), config.invokers());
    assertEquals("gs://recopipe-demo-artifacts/pipeline-root", config.pipelineRoot());
  }

  @Test
  void reportsEveryMissingAndMalformedFieldAtOnce() {
    Map<String, String> p = valid();
    p.remove("gcp.project");
    p.remove("gcp.bucket");
    p.put("gcp.region", "Europe West");
    p.put("gcp.invokers", "allUsers");
    GcpConfigException e =
        assertThrows(GcpConfigException.class, () -> GcpConfig.from(p, "c.yaml"));
    String m = e.getMessage();
    assertEquals(1, m.lines().count(), m);
    for (String part :
        List.of(
            "config c.yaml:",
            "gcp.project (missing",
            "gcp.bucket (missing",
            "gcp.region 'Europe West' is not a region",
            "'allUsers' must be")) {
      assertEquals(true, m.contains(part), part + " in " + m);
    }
  }
}

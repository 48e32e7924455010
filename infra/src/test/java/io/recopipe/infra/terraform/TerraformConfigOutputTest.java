package io.recopipe.infra.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.recopipe.infra.config.GcpConfig;
import io.recopipe.infra.config.GcpConfigException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code recopipe_config} output must be a {@code gcp:} section {@link GcpConfig} accepts:
 * rendered against a sample applied state, every key must be one GcpConfig reads, with the value of
 * the right resource attribute.
 */
class TerraformConfigOutputTest {
  /** What an applied state would hold for each expression the outputs interpolate. */
  private static final Map<String, String> STATE =
      Map.ofEntries(
          Map.entry("var.project", "recopipe-demo"),
          Map.entry("var.region", "europe-west4"),
          Map.entry("var.image", "mf-server"),
          Map.entry("google_bigquery_dataset.recopipe.dataset_id", "ratings_wh"),
          Map.entry("google_bigquery_dataset.recopipe.location", "EU"),
          Map.entry("google_storage_bucket.recopipe.name", "recopipe-demo-artifacts"),
          Map.entry("google_storage_bucket.recopipe.url", "gs://recopipe-demo-artifacts"),
          Map.entry("google_artifact_registry_repository.recopipe.repository_id", "images"),
          Map.entry("google_cloud_run_v2_service.serving.name", "reco"),
          Map.entry(
              "google_service_account.pipeline.email",
              "rp-pipeline@recopipe-demo.iam.gserviceaccount.com"),
          Map.entry(
              "google_service_account.serving.email",
              "rp-serving@recopipe-demo.iam.gserviceaccount.com"),
          Map.entry(
              "jsonencode(var.invokers)",
              "[\"user:ana@example.com\",\"serviceAccount:app@recopipe-demo.iam"
                  + ".gserviceaccount.com\"]"));

  private static TerraformModule module;

  @BeforeAll
  static void load() throws IOException {
    module = TerraformModule.load();
  }

  @Test
  void variablesAreNamedAfterTheGcpKeys() {
    Map<String, Map<String, Object>> variables = module.blocks("variable");
    for (String key :
        List.of(
            "project",
            "region",
            "dataset",
            "dataset_location",
            "bucket",
            "repository",
            "image",
            "service",
            "invokers")) {
      assertTrue(variables.containsKey(key), "no variable \"" + key + "\" for gcp." + key);
    }
    assertTrue(variables.containsKey("pipeline_service_account_id"));
    assertTrue(variables.containsKey("serving_service_account_id"));
  }

  @Test
  void renderedConfigBlockIsAcceptedWithEveryValueFromTheRightResource() {
    GcpConfig config = GcpConfig.from(renderedParameters(), "terraform output recopipe_config");
    assertEquals(
        new GcpConfig(
            "recopipe-demo",
            "europe-west4",
            "ratings_wh",
            "EU",
            "recopipe-demo-artifacts",
            "images",
            "mf-server",
            "reco",
            "rp-pipeline@recopipe-demo.iam.gserviceaccount.com",
            "rp-serving@recopipe-demo.iam.gserviceaccount.com",
            List.of(
                "user:ana@example.com",
                "serviceAccount:app@recopipe-demo.iam.gserviceaccount.com")),
        config);
  }

  @Test
  void everyKeyOfTheBlockIsOneGcpConfigReads() {
    Map<String, String> parameters = renderedParameters();
    GcpConfig complete = GcpConfig.from(parameters, "all keys");
    for (String key : parameters.keySet()) {
      Map<String, String> without = new HashMap<>(parameters);
      without.remove(key);
      try {
        assertNotEquals(
            complete, GcpConfig.from(without, "without " + key), key + " is ignored by GcpConfig");
      } catch (GcpConfigException e) {
        assertTrue(e.getMessage().contains(key), e.getMessage());
      }
    }
  }

  @Test
  void urlOutputsMatchWhatGcpConfigDerives() {
    GcpConfig config = GcpConfig.from(renderedParameters(), "rendered");
    assertEquals(config.imageRepository(), renderOutput("image_repository"));
    assertEquals(config.pipelineRoot(), renderOutput("pipeline_root"));
    assertEquals(
        config.registryHost() + "/recopipe-demo/images",
        module.render("${local.repository_url}", TerraformConfigOutputTest::state));
  }

  @Test
  void unknownInterpolationsAreReportedNotGuessed() {
    assertThrows(
        AssertionError.class,
        () ->
            module.render("${google_storage_bucket.other.name}", TerraformConfigOutputTest::state));
  }

  /** The rendered heredoc, flattened the way recopipe flattens a config (lists comma-joined). */
  private static Map<String, String> renderedParameters() {
    String block =
        module
            .render(
                (String) module.blocks("output").get("recopipe_config").get("value"),
                TerraformConfigOutputTest::state)
            .stripIndent();
    List<String> lines = new ArrayList<>(block.strip().lines().toList());
    assertEquals("gcp:", lines.remove(0));
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String line : lines) {
      String[] kv = line.strip().split(":\\s+", 2);
      assertTrue(line.startsWith("  ") && kv.length == 2, "not a 'key: value' line: " + line);
      parameters.put("gcp." + kv[0], kv[1].startsWith("[") ? joined(kv[1]) : kv[1]);
    }
    return parameters;
  }

  private static String renderOutput(String name) {
    return module.render(
        module.stringArgument("output \"" + name + "\"", "value"),
        TerraformConfigOutputTest::state);
  }

  private static String state(String expression) {
    String value = STATE.get(expression);
    if (value == null) {
      fail("outputs interpolate ${" + expression + "}, which this test's sample state lacks");
    }
    return value;
  }

  private static String joined(String jsonList) {
    try {
      return String.join(",", new ObjectMapper().readValue(jsonList, String[].class));
    } catch (IOException e) {
      throw new AssertionError("invokers is not a JSON list: " + jsonList, e);
    }
  }
}

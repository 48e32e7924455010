package io.recopipe.infra.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.recopipe.infra.config.GcpConfig;
import io.recopipe.infra.config.GcpConfigException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code recopipe_config} output must be a {@code gcp:} section {@link GcpConfig} accepts:
 * rendered against a sample applied state, every key must be one GcpConfig reads, with the value of
 * the right resource attribute.
 */
class TerraformConfigOutputTest {
  private static final TerraformModule MODULE = TerraformModule.shared();

  @Test
  void variablesAreNamedAfterTheGcpKeys() {
    Map<String, Map<String, Object>> variables = MODULE.blocks("variable");
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
        SampleState.config(
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
        MODULE.render("${local.repository_url}", SampleState::valueOf));
  }

  @Test
  void unknownInterpolationsAreReportedNotGuessed() {
    assertThrows(
        AssertionError.class,
        () -> MODULE.render("${google_storage_bucket.other.name}", SampleState::valueOf));
  }

  /** The rendered heredoc, flattened the way recopipe flattens a config (lists comma-joined). */
  private static Map<String, String> renderedParameters() {
    String block =
        MODULE
            .render(
                (String) MODULE.blocks("output").get("recopipe_config").get("value"),
                SampleState::valueOf)
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
    return MODULE.render(
        MODULE.stringArgument("output \"" + name + "\"", "value"), SampleState::valueOf);
  }

  private static String joined(String jsonList) {
    try {
      return String.join(",", new ObjectMapper().readValue(jsonList, String[].class));
    } catch (IOException e) {
      throw new AssertionError("invokers is not a JSON list: " + jsonList, e);
    }
  }
}

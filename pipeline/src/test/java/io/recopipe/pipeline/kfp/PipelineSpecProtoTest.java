package io.recopipe.pipeline.kfp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import io.recopipe.infra.config.GcpConfig;
import io.recopipe.infra.config.GcpEnvironment;
import io.recopipe.infra.profile.GcpProfile;
import io.recopipe.pipeline.config.PipelineConfig;
import io.recopipe.pipeline.movielens.MovieLensMfPipeline;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every spec the compiler writes, for both profiles and each option the other KFP tests turn on,
 * parses strictly as KFP's {@code PipelineSpec} (kubeflow/pipelines {@code
 * api/v2alpha1/pipeline_spec.proto}, see {@link KfpProtoSchema}); the {@code deploymentSpec} Struct
 * parses as {@code PipelineDeploymentConfig}, which is where the proto types executors. The parse
 * is a contract with the published proto, not with the compiler's own idea of the shape.
 */
class PipelineSpecProtoTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final GcpConfig GCP =
      new GcpConfig(
          "recopipe-demo",
          "europe-west1",
          "recopipe",
          "EU",
          "recopipe-demo-artifacts",
          "recopipe",
          "recopipe",
          "recommender",
          "pipeline@recopipe-demo.iam.gserviceaccount.com",
          "serving@recopipe-demo.iam.gserviceaccount.com",
          List.of());

  static Stream<Arguments> specs() {
    KfpOptions base = KfpOptions.of(KfpCompilerTest.IMAGE);
    KfpOptions gcp =
        base.withPipelineRoot(GCP.pipelineRoot())
            .withEnv(GcpEnvironment.of(GCP))
            .withSharedWarehouse();
    return Stream.of(
        Arguments.of("local defaults", base, edit(p -> p)),
        Arguments.of("train.cache=false", base, edit(p -> put(p, "train.cache", "false"))),
        Arguments.of("shared warehouse", base.withSharedWarehouse(), edit(p -> p)),
        Arguments.of("promotion review", base, edit(p -> put(p, "promotion.policy", "review"))),
        Arguments.of(
            "pipeline root and overrides",
            base.withPipelineRoot("gs://b/root"),
            edit(p -> put(p, "train.num_factors", "8"))),
        Arguments.of("hybrid enabled", base, edit(p -> put(p, "hybrid.enabled", "true"))),
        Arguments.of("deploy disabled", base, edit(p -> put(p, "deploy.enabled", "false"))),
        Arguments.of("gcp profile", gcp, edit(PipelineSpecProtoTest::gcpParameters)),
        Arguments.of(
            "gcp profile, review",
            gcp,
            edit(p -> put(gcpParameters(p), "promotion.policy", "review"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specs")
  void compiledSpecParsesStrictlyAsKfpsPipelineSpec(
      String name, KfpOptions options, UnaryOperator<Map<String, String>> parameters)
      throws Exception {
    ObjectNode spec =
        new KfpCompiler(options)
            .compile(
                MovieLensMfPipeline.definition(),
                parameters.apply(new LinkedHashMap<>(PipelineConfig.defaults().values())));
    assertParsesStrictly(VertexSpec.toJson(spec));
  }

  @Test
  void theGoldenFileParsesStrictly() throws Exception {
    assertParsesStrictly(
        Files.readString(
            Path.of("src/test/resources/io/recopipe/pipeline/kfp/movielens-mf.pipeline.json"),
            StandardCharsets.UTF_8));
  }

  /** The schema is strict: the test would catch a field or enum value KFP does not declare. */
  @Test
  void aFieldOrEnumValueKfpDoesNotDeclareFailsTheParse() throws Exception {
    ObjectNode spec = KfpCompilerTest.shippedSpec();
    ObjectNode unknownField = spec.deepCopy();
    ((ObjectNode) unknownField.path("root")).put("executorLabels", "x");
    assertThrows(
        InvalidProtocolBufferException.class,
        () -> KfpProtoSchema.parseStrictly(VertexSpec.toJson(unknownField), "PipelineSpec"));
    ObjectNode badType = spec.deepCopy();
    badType
        .with("root")
        .with("inputDefinitions")
        .with("parameters")
        .putObject("x")
        .put("parameterType", "FLOAT");
    assertThrows(
        InvalidProtocolBufferException.class,
        () -> KfpProtoSchema.parseStrictly(VertexSpec.toJson(badType), "PipelineSpec"));
    String twoOfOneOf = "{\"executorLabel\":\"exec-a\",\"dag\":{}}";
    assertThrows(
        InvalidProtocolBufferException.class,
        () -> KfpProtoSchema.parseStrictly(twoOfOneOf, "ComponentSpec"));
  }

  private static void assertParsesStrictly(String json) throws Exception {
    DynamicMessage spec = KfpProtoSchema.parseStrictly(json, "PipelineSpec");
    JsonNode deploymentSpec = JSON.readTree(json).path("deploymentSpec");
    DynamicMessage deployment =
        KfpProtoSchema.parseStrictly(
            JSON.writeValueAsString(deploymentSpec), "PipelineDeploymentConfig");
    assertTrue(spec.hasField(spec.getDescriptorForType().findFieldByName("root")), "root");
    assertEquals(
        deploymentSpec.path("executors").size(),
        deployment.getRepeatedFieldCount(
            deployment.getDescriptorForType().findFieldByName("executors")));
  }

  private static Map<String, String> gcpParameters(Map<String, String> parameters) {
    Map<String, String> shipped = PipelineConfig.defaults().values();
    GcpProfile.PARAMETERS.forEach(parameters::putIfAbsent);
    GcpProfile.DEFAULTS.forEach(
        (key, value) -> {
          if (Objects.equals(parameters.get(key), shipped.get(key))) {
            parameters.put(key, value);
          }
        });
    return parameters;
  }

  private static Map<String, String> put(Map<String, String> map, String key, String value) {
    map.put(key, value);
    return map;
  }

  private static UnaryOperator<Map<String, String>> edit(UnaryOperator<Map<String, String>> f) {
    return f;
  }
}

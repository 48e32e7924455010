package io.recopipe.pipeline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.recopipe.model.als.AlsOptions;
import io.recopipe.pipeline.movielens.MovieLensMfPipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigValidatorTest {
  private final ConfigValidator validator = new ConfigValidator(MovieLensMfPipeline.definition());

  private List<String> problems(String... overrides) {
    Map<String, String> set = new LinkedHashMap<>();
    for (String override : overrides) {
      int eq = override.indexOf('=');
      set.put(override.substring(0, eq), override.substring(eq + 1));
    }
    return validator.problems(PipelineConfig.defaults().with(set).values(), false);
  }

  private static void assertOne(List<String> problems, String expected) {
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains(expected), problems.toString());
  }

  @Test
  void theShippedConfigIsValid() {
    assertEquals(List.of(), validator.problems(PipelineConfig.defaults().values(), false));
    PipelineConfig shipped = PipelineConfig.defaults();
    assertEquals(shipped, validator.validate(shipped, false));
  }

  @Test
  void aFileSettingOneKeyLayersOverTheShippedConfigAndValidates(@TempDir Path dir)
      throws IOException {
    Path file = Files.writeString(dir.resolve("l2.yaml"), "train:\n  l2_reg: 3.5\n");
    PipelineConfig layered = validator.validate(PipelineConfig.layered(file, Map.of()), false);
    assertEquals("3.5", layered.values().get("train.l2_reg"));
    assertEquals(
        PipelineConfig.defaults().values().get("train.method"),
        layered.values().get("train.method"));
    assertEquals(
        PipelineConfig.defaults().values().get("train.num_factors"),
        layered.values().get("train.num_factors"));
  }

  @Test
  void zeroFactorsIsOutOfRange() {
    assertOne(problems("train.num_factors=0"), "num_factors must be in 2..200");
  }

  @Test
  void aMistypedGateKeySuggestsTheRealOne() {
    assertEquals(
        List.of("gate.r2_mn: unknown parameter (did you mean gate.r2_min?)"),
        problems("gate.r2_mn=0.3"));
  }

  @Test
  void aPortAboveTheLastOneIsRefused() {
    assertEquals(
        List.of("deploy: port must be an integer in 1..65535, was '99999'"),
        problems("deploy.port=99999"));
  }

  @Test
  void aTypoUnderTrainSuggestsTheOption() {
    assertEquals(
        List.of("train.l2_rge: unknown option (did you mean train.l2_reg?)"),
        problems("train.l2_rge=3"));
  }

  @Test
  void anIterationCountThatIsNoIntegerIsRefused() {
    assertOne(problems("train.max_iterations=1e9"), "max_iterations");
    assertOne(problems("train.max_iterations=10000000000"), "max_iterations");
  }

  @Test
  void aBillionIterationsIsAboveTheBound() {
    assumeTrue(
        Arrays.stream(AlsOptions.class.getFields())
            .anyMatch(field -> field.getName().equals("MAX_ITERATIONS")),
        "AlsOptions has no upper bound on max_iterations in this build");
    List<String> found = problems("train.max_iterations=1000000000");
    assertTrue(
        found.stream().anyMatch(p -> p.contains("max_iterations must be in 1..")),
        found.toString());
  }

  @Test
  void everyProblemOfEverySectionIsReportedAtOnce() {
    List<String> problems =
        problems(
            "trian.num_factors=5",
            "train.num_factors=0",
            "train.num_factor=5",
            "gate.r2_mn=0.3",
            "gate.r2_min=2",
            "deploy.port=99999",
            "export.top_n=many",
            "promotion.policy=reveiw",
            "promotion.four_eye=true",
            "train.cache=maybe");
    List<String> expected =
        List.of(
            "trian: unknown section (did you mean train?)",
            "train.num_factor: unknown option (did you mean train.num_factors?)",
            "train: num_factors must be in 2..200",
            "train.cache: expected true or false, found 'maybe'",
            "gate.r2_mn: unknown parameter (did you mean gate.r2_min?)",
            "gate: parameter r2_min must be <= 1.0 (R² is at most 1), was 2.0",
            "export: parameter top_n must be an integer in 1..10000, was 'many'",
            "deploy: port must be an integer in 1..65535, was '99999'",
            "promotion.four_eye: unknown key (did you mean promotion.four_eyes?)",
            "promotion.policy: expected auto or review, found 'reveiw'");
    assertEquals(expected.size(), problems.size(), problems.toString());
    for (int i = 0; i < expected.size(); i++) {
      assertTrue(problems.get(i).startsWith(expected.get(i)), problems.get(i));
    }
  }

  @Test
  void theExceptionIsOneLineNamingTheLayers() {
    PipelineConfig bad =
        PipelineConfig.defaults().with(Map.of("gate.r2_mn", "0.3", "deploy.port", "99999"));
    ConfigException e = assertThrows(ConfigException.class, () -> validator.validate(bad, false));
    assertEquals(
        "invalid config (built-in movielens-mf.yaml + --set): gate.r2_mn: unknown "
            + "parameter (did you mean gate.r2_min?); deploy: port must be an integer in 1..65535, "
            + "was '99999'",
        e.getMessage());
    assertEquals(2, e.problems().size());
  }

  @Test
  void controlCharactersInAKeyAreEscaped() {
    PipelineConfig bad = PipelineConfig.defaults().with(Map.of("gate.r2\u001b[31m", "1"));
    ConfigException e = assertThrows(ConfigException.class, () -> validator.validate(bad, false));
    assertTrue(e.getMessage().contains("gate.r2\\u001b[31m: unknown parameter"), e.getMessage());
  }

  @Test
  void aTopLevelKeyOutsideAnySectionIsRefused() {
    List<String> found =
        validator.problems(
            PipelineConfig.defaults().over(PipelineConfig.parse("t", "seed: 3\n")).values(), false);
    assertEquals(1, found.size(), found.toString());
    assertTrue(found.get(0).startsWith("seed: unknown section (known: "), found.toString());
  }

  @Test
  void theShorthandAndTheRunnersCacheKeyAreAccepted() {
    assertEquals(List.of(), problems("promotion=review", "train.cache=false", "deploy.cache=true"));
  }

  @Test
  void gcpKeysAreAlwaysCheckedAndValuesOnlyUnderTheGcpProfile() {
    assertEquals(
        List.of("gcp.projet: unknown key (did you mean gcp.project?)"),
        problems("gcp.projet=my-project"));
    Map<String, String> partial =
        PipelineConfig.defaults()
            .with(Map.of("gcp.project", "my-project", "gcp.enabled", "true"))
            .values();
    assertEquals(List.of(), validator.problems(partial, false));
    List<String> gcp = validator.problems(partial, true);
    assertEquals(1, gcp.size(), gcp.toString());
    assertTrue(gcp.get(0).contains("gcp.region (missing"), gcp.toString());
  }

  @Test
  void tuningForAnotherFeedbackTypeThanTrainIsRefused() {
    assertEquals(List.of(), problems("tune.num_trials=4"));
    List<String> found =
        problems("tune.num_trials=4", "train.feedback_type=implicit", "train.method=als");
    assertOne(found, "tune.feedback_type (explicit) must match train.feedback_type (implicit)");
  }
}

package io.recopipe.pipeline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.pipeline.movielens.MovieLensMfPipeline;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code promotion} section: defaults, every accepted spelling, and all errors at once. */
class PromotionPolicyTest {

  @Test
  void nothingConfiguredMeansAutoWithFourEyesAnd72Hours() {
    PromotionPolicy policy = PromotionPolicy.from(Map.of("train.num_factors", "8"));
    assertEquals(PromotionPolicy.Mode.AUTO, policy.mode());
    assertTrue(policy.fourEyes());
    assertEquals(Duration.ofHours(72), policy.expiresAfter());
    assertFalse(policy.reviewed());
  }

  @Test
  void reviewWithEveryDurationSpelling() {
    Map<String, Duration> spellings =
        Map.of(
            "30m",
            Duration.ofMinutes(30),
            "7d",
            Duration.ofDays(7),
            "72h",
            Duration.ofHours(72),
            "PT2H",
            Duration.ofHours(2),
            "pt90s",
            Duration.ofSeconds(90),
            "45s",
            Duration.ofSeconds(45));
    spellings.forEach(
        (text, expected) -> {
          PromotionPolicy policy =
              PromotionPolicy.from(
                  Map.of(
                      PromotionPolicy.POLICY,
                      "Review",
                      PromotionPolicy.FOUR_EYES,
                      "false",
                      PromotionPolicy.EXPIRES_AFTER,
                      text));
          assertEquals(PromotionPolicy.Mode.REVIEW, policy.mode());
          assertFalse(policy.fourEyes());
          assertEquals(expected, policy.expiresAfter(), text);
        });
  }

  @Test
  void everyBadValueIsReportedInOneLine() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                PromotionPolicy.from(
                    Map.of(
                        PromotionPolicy.POLICY,
                        "sometimes",
                        PromotionPolicy.FOUR_EYES,
                        "maybe",
                        PromotionPolicy.EXPIRES_AFTER,
                        "soon")));
    assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    assertTrue(
        e.getMessage()
            .contains("promotion.policy: expected auto or review, found " + "'sometimes'"),
        e.getMessage());
    assertTrue(
        e.getMessage().contains("promotion.four_eyes: expected true or false, found " + "'maybe'"),
        e.getMessage());
    assertTrue(e.getMessage().contains("promotion.expires_after"), e.getMessage());
    assertThrows(
        ConfigException.class,
        () -> PromotionPolicy.from(Map.of(PromotionPolicy.EXPIRES_AFTER, "0h")));
    assertThrows(
        ConfigException.class,
        () -> PromotionPolicy.from(Map.of(PromotionPolicy.EXPIRES_AFTER, "-PT1H")));
  }

  @Test
  void theShippedConfigIsAutoAndTheShorthandMeansReview() {
    ConfigValidator validator = new ConfigValidator(MovieLensMfPipeline.definition());
    PipelineConfig shipped = validator.validate(PipelineConfig.defaults(), false);
    assertEquals(PromotionPolicy.DEFAULT, PromotionPolicy.from(shipped.values()));
    PipelineConfig shorthand =
        validator.validate(
            shipped.over(PipelineConfig.parse("test", "promotion: review\n")), false);
    assertEquals("review", shorthand.values().get(PromotionPolicy.POLICY));
    assertTrue(PromotionPolicy.from(shorthand.values()).reviewed());
    PipelineConfig overridden = shipped.with(Map.of("promotion", "review"));
    assertTrue(PromotionPolicy.from(overridden.values()).reviewed());
  }

  @Test
  void noStepSeesThePromotionSection() {
    Map<String, String> parameters =
        PipelineConfig.parse("test", "promotion: review\n" + "deploy:\n  port: 9000\n").values();
    assertEquals(Map.of("port", "9000"), StepParameterView.of("deploy", parameters));
    assertEquals(Map.of(), StepParameterView.of("train", parameters));
  }

  @Test
  void theDeployStepOfTheShippedPipelineRequiresApproval() {
    var steps = MovieLensMfPipeline.definition().steps();
    assertTrue(
        steps.stream()
            .filter(s -> s.name().equals("deploy"))
            .findFirst()
            .orElseThrow()
            .requiresApproval());
    assertEquals(1, steps.stream().filter(s -> s.requiresApproval()).count());
  }
}

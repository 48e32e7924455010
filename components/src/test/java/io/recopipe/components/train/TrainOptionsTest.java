package io.recopipe.components.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.components.api.ComponentException;
import io.recopipe.model.als.TrainingMethod;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parsing the train step's options up front: auto is accepted, impossible choices refused. */
class TrainOptionsTest {

  @Test
  void anExplicitBayesianMethodWithImplicitFeedbackIsRefusedWithTheFix() {
    for (String method : List.of("gibbs", "vb")) {
      ComponentException e =
          assertThrows(
              ComponentException.class,
              () ->
                  TrainOptions.parse(
                      "train", Map.of("feedback_type", "implicit", "method", method)));
      assertEquals(
          "train.method: " + method + " cannot fit implicit feedback; use method: als " + "or auto",
          e.getMessage());
    }
  }

  @Test
  void aRefusedMethodIsReportedBesideTheOtherProblems() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("feedback_type", "implicit");
    values.put("method", "gibbs");
    values.put("max_iterations", "1000000000");
    ComponentException e =
        assertThrows(ComponentException.class, () -> TrainOptions.parse("train", values));
    assertEquals(
        "train: max_iterations must be in 1..10000, was 1000000000; train.method: gibbs"
            + " cannot fit implicit feedback; use method: als or auto",
        e.getMessage());
  }

  @Test
  void autoKeepsTheSamplingOptionsForTheRuleToUseOrIgnore() throws Exception {
    TrainOptions auto =
        TrainOptions.parse(
            "train",
            Map.of(
                "method",
                "auto",
                "feedback_type",
                "implicit",
                "num_samples",
                "11",
                "burn_in_iterations",
                "30"));
    assertEquals(TrainingMethod.AUTO, auto.options().method());
    assertEquals(11, auto.options().numSamples());
    assertEquals(List.of(), TrainOptions.droppedFor(Map.of("method", "auto", "num_samples", "11")));
    assertEquals(
        List.of("num_samples"),
        TrainOptions.droppedFor(Map.of("method", "vb", "num_samples", "11")));
    assertTrue(
        TrainOptions.parse("train", Map.of("method", "als", "num_samples", "11"))
                .options()
                .numSamples()
            == 1,
        "dropped under an explicit other method");
  }
}

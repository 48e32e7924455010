package io.recopipe.model.als;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.model.options.Option;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlsOptionTableTest {

  @Test
  void manifestsListTheOptionsThatApplyInTableOrder() {
    AlsOptions implicit =
        AlsOptions.fromMap(
            Map.of("feedback_type", "implicit", "l2_reg_mode", "weighted", "threads", "2"));
    assertEquals(
        List.of(
            "feedback_type",
            "num_factors",
            "l2_reg",
            "max_iterations",
            "early_stop",
            "min_rel_progress",
            "wals_alpha",
            "implicit_solver",
            "cg_steps",
            "positive_threshold",
            "l2_reg_mode",
            "l2_reg_exponent",
            "intercept_l2_reg",
            "seed",
            "threads",
            "method"),
        List.copyOf(implicit.toMap(100).keySet()));
    AlsOptions gibbs =
        AlsOptions.fromMap(
            Map.of("method", "gibbs", "implicit_solver", "cholesky", "threads", "2"));
    assertEquals(
        List.of(
            "feedback_type",
            "num_factors",
            "l2_reg",
            "max_iterations",
            "early_stop",
            "min_rel_progress",
            "l2_reg_mode",
            "intercept_l2_reg",
            "seed",
            "threads",
            "method",
            "num_samples",
            "burn_in_iterations"),
        List.copyOf(gibbs.toMap(100).keySet()));
    assertEquals(
        List.copyOf(AlsOptions.NAMES), AlsOptionTable.ALL.stream().map(Option::name).toList());
  }

  @Test
  void bigQueryMlOptionsAreTheManifestEntriesItKnows() {
    AlsOptions implicit = AlsOptions.fromMap(Map.of("feedback_type", "IMPLICIT", "seed", "7"));
    assertEquals(
        List.of(
            "feedback_type",
            "num_factors",
            "l2_reg",
            "max_iterations",
            "early_stop",
            "min_rel_progress",
            "wals_alpha"),
        List.copyOf(implicit.bigQueryMlOptions(1000).keySet()));
    assertEquals(10, implicit.bigQueryMlOptions(1000).get("num_factors"));
    assertEquals("IMPLICIT", implicit.bigQueryMlOptions(1000).get("feedback_type"));
    assertTrue(!AlsOptions.defaults().bigQueryMlOptions(10).containsKey("wals_alpha"));
  }

  @Test
  void everyOptionIsDocumentedAndEveryNumberBounded() {
    for (Option<?> option : AlsOptionTable.ALL) {
      assertTrue(!option.doc().isBlank(), option.name());
      boolean numeric = option.type().integral() || option.type().noun().equals("a number");
      assertTrue(
          !numeric || option == AlsOptionTable.SEED || option.range() != null,
          option.name() + " needs a range");
    }
  }
}

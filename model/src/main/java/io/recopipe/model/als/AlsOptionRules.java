package io.recopipe.model.als;

import java.util.ArrayList;
import java.util.List;

/**
 * The checks that span several training options (a range of one option is declared in {@link
 * AlsOptionTable}): a Bayesian method with implicit feedback, and Gibbs sampling's factor count,
 * sample count and sweeps; under {@code method: auto} only what would fail if auto picked Gibbs is
 * refused up front.
 */
final class AlsOptionRules {
  private AlsOptionRules() {}

  /** Every cross-option problem of {@code o}, whose single values are already checked. */
  static List<String> problems(AlsOptions o) {
    List<String> problems = new ArrayList<>();
    TrainingMethod method = o.method();
    if (o.feedbackType() == FeedbackType.IMPLICIT
        && (method == TrainingMethod.VB || method == TrainingMethod.GIBBS)) {
      problems.add(AlsOptions.implicitRefusal(method));
    }
    if (method == TrainingMethod.AUTO) {
      if (o.feedbackType() != FeedbackType.IMPLICIT) {
        autoProblems(o, problems);
      }
    } else if (method != TrainingMethod.GIBBS) {
      if (o.numSamples() != 1) {
        problems.add(
            "num_samples applies only to method gibbs, was "
                + o.numSamples()
                + " with method "
                + (method == null ? "unset" : method.configName()));
      }
    } else {
      gibbsProblems(o, problems);
    }
    return problems;
  }

  /** What would fail if auto picks gibbs is refused now; the rest once it has chosen. */
  private static void autoProblems(AlsOptions o, List<String> problems) {
    int samples = o.numSamples();
    Integer factors = o.numFactors();
    if (samples > 1 && factors != null && factors % samples != 0) {
      problems.add(
          "num_factors ("
              + factors
              + ") must be divisible by num_samples ("
              + samples
              + ") in case method auto picks gibbs");
    }
    int burnIn = o.resolvedBurnInIterations();
    if (samples > 1 && o.isSet("max_iterations") && o.maxIterations() - burnIn < samples) {
      problems.add(
          "max_iterations ("
              + o.maxIterations()
              + ") minus burn_in_iterations ("
              + burnIn
              + ") must leave at least num_samples ("
              + samples
              + ") sweeps in case "
              + "method auto picks gibbs");
    }
  }

  private static void gibbsProblems(AlsOptions o, List<String> problems) {
    int samples = o.numSamples();
    Integer factors = o.numFactors();
    if (samples > 1 && factors == null) {
      problems.add(
          "method gibbs with num_samples "
              + samples
              + " needs an explicit num_factors divisible by it (the automatic count may not be)");
    } else if (samples > 1 && factors % samples != 0) {
      problems.add(
          "num_factors ("
              + factors
              + ") must be divisible by num_samples ("
              + samples
              + "): each sample contributes num_factors / num_samples factors");
    }
    int burnIn = o.resolvedBurnInIterations();
    if (samples >= 1 && burnIn >= 0 && o.maxIterations() - burnIn < samples) {
      problems.add(
          "max_iterations ("
              + o.maxIterations()
              + ") minus burn_in_iterations ("
              + burnIn
              + ") must leave at least num_samples ("
              + samples
              + ") sweeps to keep");
    }
  }
}

package io.recopipe.components.tuning;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recopipe.model.als.AlsOptions;
import io.recopipe.model.als.FeedbackType;
import io.recopipe.model.als.TrainingMethod;
import io.recopipe.model.error.InvalidInputException;
import io.recopipe.model.io.JsonFields;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Applies a tuning artifact's winner to the train step's options, kept out of the train step so the
 * only change there is one call: {@code num_factors}, {@code l2_reg} and (implicit only) {@code
 * wals_alpha} come from the best trial, every other option from the train section ({@code method:
 * gibbs} is refused: its width and prior do not mean what the trials tuned; under {@code method:
 * auto} train fits the trials' method).
 */
public final class TunedOptions {
  private TunedOptions() {}

  /**
   * {@code options} with the best trial's hyperparameters of {@code tuningDir}, or unchanged when
   * tuning was off; {@code log} hears which options came from tuning.
   *
   * @throws IOException when {@code best_options.json} cannot be read
   * @throws IllegalArgumentException when the tuning ran for another feedback type
   */
  public static AlsOptions apply(AlsOptions options, Path tuningDir, Consumer<String> log)
      throws IOException {
    ObjectNode best = TuningFiles.read(tuningDir.resolve(TuningFiles.BEST_OPTIONS));
    if (!JsonFields.bool(best, "tuned")) {
      log.accept("tuning was off (num_trials 1): training with the train section's options");
      return options;
    }
    FeedbackType feedback = FeedbackType.parse(JsonFields.string(best, "feedback_type"));
    if (feedback != options.feedbackType()) {
      throw new InvalidInputException(
          "tuning ran with feedback_type "
              + feedback
              + " but train has "
              + options.feedbackType()
              + "; set tune.feedback_type to match");
    }
    if (options.method() == TrainingMethod.GIBBS) {
      throw new InvalidInputException(
          "tuning picks num_factors and l2_reg for als or vb, but"
              + " train.method is gibbs (whose width is num_samples x factors and whose l2_reg is a"
              + " prior); set train.method: als (or vb) when tune.num_trials > 1");
    }
    AlsOptions.Builder builder =
        options.toBuilder()
            .numFactors(JsonFields.intValue(best, "num_factors"))
            .l2Reg(JsonFields.doubleValue(best, "l2_reg"));
    if (options.method() == TrainingMethod.AUTO && best.has("method")) {
      // the trials tuned their method's num_factors and l2_reg: train fits that method
      TrainingMethod tuned = TrainingMethod.parse(JsonFields.string(best, "method"));
      if (tuned != TrainingMethod.AUTO) {
        builder.method(tuned).numSamples(1).burnInIterations(null);
      }
    }
    String from =
        "num_factors="
            + JsonFields.intValue(best, "num_factors")
            + ", l2_reg="
            + JsonFields.doubleValue(best, "l2_reg");
    if (best.has("wals_alpha")) {
      builder.walsAlpha(JsonFields.doubleValue(best, "wals_alpha"));
      from += ", wals_alpha=" + JsonFields.doubleValue(best, "wals_alpha");
    }
    log.accept(
        "options from tuning (trial "
            + JsonFields.longValue(best, "trial_id")
            + ", "
            + JsonFields.string(best, "objective")
            + " "
            + JsonFields.doubleValue(best, "objective_value")
            + "): "
            + from
            + "; the rest from the train section; retraining on all of train.tsv");
    return builder.build();
  }
}

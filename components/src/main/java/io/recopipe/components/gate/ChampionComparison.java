package io.recopipe.components.gate;

import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.DatasetLayout;
import io.recopipe.components.api.StepContext;
import io.recopipe.components.dataset.DatasetInput;
import io.recopipe.components.dataset.IngestedDataset;
import io.recopipe.components.steps.StepFiles;
import io.recopipe.components.validation.ContractChange;
import io.recopipe.components.validation.DataProfile;
import io.recopipe.components.validation.DataThresholds;
import io.recopipe.components.validation.DataValidation;
import io.recopipe.components.validation.DataValidator;
import io.recopipe.components.validation.ResponseContract;
import io.recopipe.model.bundle.ModelBundle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the gate learns by setting the candidate beside the champion's bundle rather than beside its
 * scores: whether the served response contract changes and whether the run's data is still the kind
 * of data the champion learned from, and so what a reviewer must look at.
 *
 * @param contractChanges every contract field that differs
 * @param data the data checks
 * @param reviewRequired why a reviewer must approve (contract changes first)
 */
public record ChampionComparison(
    List<ContractChange> contractChanges, DataValidation data, List<String> reviewRequired) {
  /** Nothing to compare with: a first run. */
  public static final ChampionComparison NONE =
      new ChampionComparison(List.of(), DataValidation.NONE, List.of());

  public ChampionComparison {
    contractChanges = List.copyOf(contractChanges);
    reviewRequired = List.copyOf(reviewRequired);
  }

  /**
   * Compares the gate's optional {@code model} and {@code dataset} inputs with the champion of
   * {@code context}; {@link #NONE} when there is no champion.
   */
  public static ChampionComparison of(StepContext context, DataThresholds thresholds)
      throws ComponentException {
    Optional<Path> championDir = context.championModel();
    if (championDir.isEmpty()) {
      return NONE;
    }
    String step = GateComponent.NAME;
    ModelBundle champion = StepFiles.bundle(step, championDir.get());
    List<String> review = new ArrayList<>();
    List<ContractChange> changes = List.of();
    if (context.hasInput("model")) {
      ModelBundle candidate = StepFiles.bundle(step, context.input("model"));
      changes = ResponseContract.of(candidate).changesFrom(ResponseContract.of(champion));
      changes.forEach(change -> review.add(change.reason()));
    } else {
      review.add("response contract not compared: the gate has no model input");
    }
    DataValidation data;
    if (context.hasInput("dataset")) {
      IngestedDataset dataset = DatasetInput.open(step, context, "dataset");
      DataProfile profile;
      try {
        profile = DataProfile.of(dataset);
      } catch (IOException e) {
        throw new ComponentException(
            step + ": cannot profile the dataset in " + dataset.directory() + ": " + e.getMessage(),
            e);
      }
      data =
          DataValidator.validate(
              profile,
              DatasetInput.required(step, dataset, DatasetLayout.EVAL),
              championProfile(context, championDir.get()),
              champion.model().users(),
              champion.model().items(),
              thresholds);
    } else {
      data =
          new DataValidation(
              List.of(),
              true,
              List.of("data not compared with the " + "champion's: the gate has no dataset input"),
              List.of());
    }
    review.addAll(data.reviewReasons());
    return new ChampionComparison(changes, data, review);
  }

  /** The champion's data profile; an unreadable one counts as none (and is logged). */
  private static Optional<DataProfile> championProfile(StepContext context, Path dir) {
    try {
      return DataProfile.read(dir);
    } catch (IOException e) {
      context
          .log()
          .info(
              "the champion's "
                  + DataProfile.FILE
                  + " is unreadable, so its data "
                  + "checks are not comparable: "
                  + e.getMessage());
      return Optional.empty();
    }
  }
}

package io.recopipe.model.als;

import io.recopipe.model.mf.MfModel;
import java.util.List;

/**
 * What a fit produced: the model plus everything provenance and ML.TRAINING_INFO need to explain it
 * (resolved options, per-iteration info, data fingerprint, timing).
 *
 * @param model the trained model
 * @param options the options the fit ran with
 * @param numFactors the factor count used (resolved when {@code num_factors} was automatic)
 * @param trainingInfo one row per iteration run
 * @param stoppedEarly whether {@code early_stop} ended the fit before {@code max_iterations}
 * @param dataFingerprint the training data's fingerprint
 * @param trainingRows the number of training ratings
 * @param fitSeconds wall time of the fit, set-up included
 * @param flops floating-point operations the fit performed (counted, not measured)
 * @param sampledModel under {@code gibbs} compressed for export, the uncompressed posterior-mean
 *     model of all sampled factors (to measure what the compression costs); null otherwise
 */
public record AlsResult(
    MfModel model,
    AlsOptions options,
    int numFactors,
    List<TrainingIteration> trainingInfo,
    boolean stoppedEarly,
    String dataFingerprint,
    long trainingRows,
    double fitSeconds,
    double flops,
    MfModel sampledModel) {

  /** A result with nothing compressed. */
  public AlsResult(
      MfModel model,
      AlsOptions options,
      int numFactors,
      List<TrainingIteration> trainingInfo,
      boolean stoppedEarly,
      String dataFingerprint,
      long trainingRows,
      double fitSeconds,
      double flops) {
    this(
        model,
        options,
        numFactors,
        trainingInfo,
        stoppedEarly,
        dataFingerprint,
        trainingRows,
        fitSeconds,
        flops,
        null);
  }

  /** The last iteration's row. */
  public TrainingIteration lastIteration() {
    return trainingInfo.get(trainingInfo.size() - 1);
  }

  /**
   * The options in BigQuery ML's spelling, resolved for this fit; {@code num_factors} is the
   * exported model's, and a compressed Gibbs fit adds {@code sampled_factors}, the width it sampled
   * (num_samples × factors per sample).
   */
  public java.util.Map<String, Object> resolvedOptions() {
    java.util.Map<String, Object> map = options.toMap(trainingRows);
    Object sampled = map.get("num_factors");
    if (sampled instanceof Integer width && width != numFactors) {
      map.put("num_factors", numFactors);
      map.put("sampled_factors", width);
    }
    return map;
  }
}

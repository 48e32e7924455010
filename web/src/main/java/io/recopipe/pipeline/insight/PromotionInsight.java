package io.recopipe.pipeline.insight;

import java.util.List;
import java.util.Optional;

/**
 * Everything the review page shows about one candidate against the champion, computed from
 * artifacts only (bundles, dataset, gate decision), so the page holds no model logic.
 *
 * @param metrics every ML.EVALUATE metric with deltas
 * @param gateChecks the gate's checks
 * @param candidateLoss the candidate's training loss per iteration
 * @param championLoss the champion's (empty when none)
 * @param candidateErrors the candidate's error histogram on the eval split
 * @param championErrors the champion's, on the same split and bins
 * @param samples sample users' top recommendations, candidate next to champion
 * @param implicit whether the candidate is an implicit-feedback model (its errors are predicted
 *     confidence − 1 on held-out positives, not rating errors)
 */
public record PromotionInsight(
    List<MetricDelta> metrics,
    List<GateCheckRow> gateChecks,
    List<LossPoint> candidateLoss,
    List<LossPoint> championLoss,
    ErrorHistogram candidateErrors,
    Optional<ErrorHistogram> championErrors,
    List<SampleUser> samples,
    boolean implicit) {}

package io.recopipe.pipeline.insight;

import java.util.OptionalDouble;

/**
 * One ML.EVALUATE metric of a candidate beside the champion's, so a reviewer sees at once what got
 * better and what got worse.
 *
 * @param name the metric (ML.EVALUATE column name)
 * @param candidate the candidate's value
 * @param champion the champion's value on the same eval split, when there is a champion
 * @param delta candidate − champion
 * @param higherIsBetter whether a positive delta is an improvement
 */
public record MetricDelta(
    String name,
    double candidate,
    OptionalDouble champion,
    OptionalDouble delta,
    boolean higherIsBetter) {}

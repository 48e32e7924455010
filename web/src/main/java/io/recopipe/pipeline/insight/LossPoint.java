package io.recopipe.pipeline.insight;

import java.util.OptionalDouble;

/**
 * One ML.TRAINING_INFO row, the point a loss chart draws.
 *
 * @param iteration the iteration
 * @param loss training loss
 * @param evalLoss eval loss, when recorded
 */
public record LossPoint(int iteration, double loss, OptionalDouble evalLoss) {}

package io.recopipe.components.synthetic;

import io.recopipe.model.data.Ratings;

/**
 * A train set and a held-out test set cut from one data set.
 *
 * @param train the rows to fit on
 * @param test the held-out rows to evaluate on
 */
public record TrainTestSplit(Ratings train, Ratings test) {}

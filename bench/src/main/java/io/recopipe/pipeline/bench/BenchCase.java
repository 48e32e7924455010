package io.recopipe.pipeline.bench;

import io.recopipe.model.als.AlsOptions;
import io.recopipe.model.data.Ratings;

/**
 * One benchmark case: a named train/test pair and the options to fit with.
 *
 * @param name the {@code case} key printed
 * @param train the training ratings
 * @param test the held-out ratings
 * @param options the ALS options
 * @param dataSeconds how long reading or generating the data took
 */
public record BenchCase(
    String name, Ratings train, Ratings test, AlsOptions options, double dataSeconds) {}

package io.recopipe.pipeline.insight;

/**
 * One recommended item with its title, as the review page lists it.
 *
 * @param itemId the item id
 * @param title its title from the dataset's catalog ({@code itemId} when unknown)
 * @param score the predicted rating
 */
public record RecommendedItem(String itemId, String title, double score) {}

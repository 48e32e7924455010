package io.recopipe.serving.http;

import java.util.List;

/**
 * One instance of a predict request, validated: whom to score and how, so that the scorer never
 * sees a malformed request.
 *
 * @param userId the user id as a string (numbers are written in their integer form)
 * @param k how many items to return, 1..1000
 * @param excludeRated whether to leave out items the user rated in training
 * @param itemIds when not null, score just these items, in this order (k is ignored)
 */
public record PredictInstance(String userId, int k, boolean excludeRated, List<String> itemIds) {
  /** The default number of items, as BigQuery ML's exported model serves. */
  public static final int DEFAULT_K = 50;

  /** The largest k a request may ask for. */
  public static final int MAX_K = 1000;

  /** The most item ids one instance may list. */
  public static final int MAX_ITEM_IDS = 10_000;
}

package io.recopipe.model.scoring;

import java.util.List;

/**
 * One user's top-K list in ML.RECOMMEND terms: item ids with predicted ratings, best first, and
 * whether the user was unknown to the model (scored by intercepts only).
 *
 * @param user the external user id asked for
 * @param coldStart true when the model has never seen the user
 * @param itemIds the recommended external item ids, best first
 * @param ratings their predicted ratings, descending
 */
public record Recommendation(
    String user, boolean coldStart, List<String> itemIds, float[] ratings) {}

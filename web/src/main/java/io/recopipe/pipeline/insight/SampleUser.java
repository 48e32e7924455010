package io.recopipe.pipeline.insight;

import java.util.List;

/**
 * A sample user's top recommendations from the candidate next to the champion's, so a reviewer can
 * judge the change by eye.
 *
 * @param userId the user
 * @param candidate the candidate's top items
 * @param champion the champion's top items (empty when there is no champion)
 */
public record SampleUser(
    String userId, List<RecommendedItem> candidate, List<RecommendedItem> champion) {}

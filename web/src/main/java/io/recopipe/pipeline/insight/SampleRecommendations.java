package io.recopipe.pipeline.insight;

import io.recopipe.components.dataset.MovieTitles;
import io.recopipe.model.bundle.ModelBundle;
import io.recopipe.model.data.Ratings;
import io.recopipe.model.mf.MfModel;
import io.recopipe.model.scoring.ItemScorer;
import io.recopipe.model.scoring.RatedItems;
import io.recopipe.model.scoring.Recommendation;
import io.recopipe.model.scoring.Recommender;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Picks sample users deterministically (most eval ratings first, ties by id, only users the
 * candidate knows) and lists each one's top items from both models as serving would, leaving out
 * what the user already rated, so a reviewer compares real lists by eye.
 */
final class SampleRecommendations {
  private SampleRecommendations() {}

  /** Up to {@code count} users of {@code eval} known to {@code candidate}, busiest first. */
  static List<String> pickUsers(Ratings eval, MfModel candidate, int count) {
    int[] rows = new int[eval.users().size()];
    for (int r = 0; r < eval.size(); r++) {
      rows[eval.user(r)]++;
    }
    List<Integer> users = new ArrayList<>();
    for (int u = 0; u < rows.length; u++) {
      if (rows[u] > 0 && candidate.users().indexOf(eval.users().id(u)) >= 0) {
        users.add(u);
      }
    }
    users.sort(
        Comparator.<Integer>comparingInt(u -> -rows[u]).thenComparing(u -> eval.users().id(u)));
    List<String> picked = new ArrayList<>();
    for (int n = 0; n < Math.min(Math.max(0, count), users.size()); n++) {
      picked.add(eval.users().id(users.get(n)));
    }
    return picked;
  }

  /** The sample users with the candidate's and champion's top {@code k} each. */
  static List<SampleUser> build(
      List<String> users,
      ModelBundle candidate,
      Optional<ModelBundle> champion,
      InsightDataset dataset,
      int k) {
    Recommender ours = recommender(candidate, dataset.train());
    Optional<Recommender> theirs = champion.map(c -> recommender(c, dataset.train()));
    List<SampleUser> samples = new ArrayList<>();
    for (String user : users) {
      samples.add(
          new SampleUser(
              user,
              top(ours, user, k, dataset.titles()),
              theirs.map(r -> top(r, user, k, dataset.titles())).orElse(List.of())));
    }
    return List.copyOf(samples);
  }

  /**
   * A recommender excluding the bundle's stored rated items, as serving does; for a bundle without
   * them, the items rated in the dataset's training split.
   */
  static Recommender recommender(ModelBundle bundle, Optional<Ratings> train) {
    MfModel model = bundle.model();
    RatedItems rated =
        bundle
            .ratedItems()
            .orElseGet(() -> train.map(t -> RatedItems.of(t, model)).orElseGet(RatedItems::none));
    return new Recommender(new ItemScorer(model), rated);
  }

  private static List<RecommendedItem> top(
      Recommender recommender, String user, int k, MovieTitles titles) {
    if (k < 1) {
      return List.of();
    }
    Recommendation top = recommender.recommend(user, k, true);
    List<RecommendedItem> items = new ArrayList<>();
    for (int n = 0; n < top.itemIds().size(); n++) {
      String item = top.itemIds().get(n);
      items.add(new RecommendedItem(item, titles.titleOr(item), top.ratings()[n]));
    }
    return List.copyOf(items);
  }
}

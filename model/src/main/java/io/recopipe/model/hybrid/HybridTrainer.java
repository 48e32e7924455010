package io.recopipe.model.hybrid;

import io.recopipe.model.data.Ratings;
import io.recopipe.model.mf.MfModel;
import java.util.ArrayList;

/**
 * Fits a {@link HybridModel} on the training ratings MF was fitted on: each row is encoded twice,
 * as a known user (residual of MF's prediction) and as a cold one (residual of the intercept-only
 * fallback), so the cold regression learns how much of a user's taste their metadata explains,
 * which is all it will have at prediction time.
 */
public final class HybridTrainer {
  private final HybridOptions options;

  /** Creates a trainer. */
  public HybridTrainer(HybridOptions options) {
    this.options = options;
  }

  /** Fits on {@code train} (ids matched to {@code mf} by external id). */
  public HybridModel fit(MfModel mf, Ratings train, Metadata metadata) {
    FeatureEncoder encoder =
        new FeatureEncoder(
            mf.numFactors(),
            new ArrayList<>(metadata.occupations()),
            new ArrayList<>(metadata.genres()));
    int[] userIndex = indexes(mf.users(), train.users());
    int[] itemIndex = indexes(mf.items(), train.items());
    UserProfile[] profiles = new UserProfile[train.users().size()];
    for (int u = 0; u < profiles.length; u++) {
      profiles[u] = metadata.user(train.users().id(u));
    }
    ItemProfile[] movies = new ItemProfile[train.items().size()];
    for (int i = 0; i < movies.length; i++) {
      movies[i] = metadata.item(train.items().id(i));
    }
    RidgeRegression warm = new RidgeRegression(encoder.dimension());
    RidgeRegression cold = new RidgeRegression(encoder.dimension());
    double[] x = new double[encoder.dimension()];
    for (int r = 0; r < train.size(); r++) {
      int u = train.user(r);
      int i = train.item(r);
      double y = train.rating(r);
      double offset = encoder.encode(x, mf, userIndex[u], itemIndex[i], profiles[u], movies[i]);
      warm.add(x, y - offset);
      offset = encoder.encode(x, mf, -1, itemIndex[i], profiles[u], movies[i]);
      cold.add(x, y - offset);
    }
    return new HybridModel(mf, encoder, warm.fit(options.l2Reg()), cold.fit(options.l2Reg()));
  }

  private static int[] indexes(
      io.recopipe.model.data.IdDictionary model, io.recopipe.model.data.IdDictionary data) {
    int[] index = new int[data.size()];
    for (int n = 0; n < index.length; n++) {
      index[n] = model.indexOf(data.id(n));
    }
    return index;
  }
}

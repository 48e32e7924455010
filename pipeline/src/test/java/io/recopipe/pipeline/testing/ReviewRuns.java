package io.recopipe.pipeline.testing;

import io.recopipe.pipeline.config.ConfigValidator;
import io.recopipe.pipeline.config.PipelineConfig;
import io.recopipe.pipeline.dsl.Pipeline;
import io.recopipe.pipeline.home.RecopipeHome;
import io.recopipe.pipeline.metadata.MetadataStore;
import io.recopipe.pipeline.promotion.Promotions;
import io.recopipe.pipeline.registry.SqliteModelRegistry;
import io.recopipe.pipeline.review.HomeReview;
import io.recopipe.pipeline.review.ReviewException;
import io.recopipe.pipeline.review.Reviewer;
import io.recopipe.pipeline.runner.LocalRunner;
import io.recopipe.pipeline.runner.RunProfiles;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A home set up for runs under {@code promotion: review}, because every review-flow test needs the
 * same home, approvals, registry, runner, promotions and two reviewers before it can say what it
 * tests.
 *
 * @param review the home's approvals, reviewers, policy and audit log
 * @param registry the home's registry
 * @param runner a runner over the home
 * @param promotions approving, rejecting and rolling back through {@code runner}
 * @param alice a reviewer
 * @param bob a second reviewer, added by {@code alice} (four eyes: he may approve her runs)
 */
public record ReviewRuns(
    HomeReview review,
    SqliteModelRegistry registry,
    LocalRunner runner,
    Promotions promotions,
    Reviewer alice,
    Reviewer bob)
    implements AutoCloseable {

  /** The quick config ({@link FastConfig}) under {@code promotion: review}. */
  public static final String CONFIG = FastConfig.YAML + "promotion:\n  policy: review\n";

  /**
   * Creates the home at {@code dir} whose runs of {@code pipeline} use {@code profiles} (given the
   * home) and whose promotions read {@code clock}.
   */
  public static ReviewRuns open(
      Path dir, Pipeline pipeline, Function<RecopipeHome, RunProfiles> profiles, Clock clock)
      throws ReviewException {
    RecopipeHome home = RecopipeHome.at(dir).create();
    MetadataStore store = MetadataStore.open(home.metadataDb());
    HomeReview review = HomeReview.sqlite(store, Clock.systemUTC());
    SqliteModelRegistry registry = new SqliteModelRegistry(store);
    LocalRunner runner = new LocalRunner(home, store, profiles.apply(home), review, registry);
    Reviewer alice =
        review
            .reviewers()
            .authenticate(review.reviewers().add("alice", false, Optional.empty(), "user:test"));
    Reviewer bob =
        review
            .reviewers()
            .authenticate(review.reviewers().add("bob", false, Optional.of(alice), "user:test"));
    return new ReviewRuns(
        review,
        registry,
        runner,
        new Promotions(runner, registry, review, name -> pipeline, clock),
        alice,
        bob);
  }

  /** {@link #CONFIG} with {@code overrides}, validated for {@code pipeline}. */
  public static Map<String, String> parameters(Pipeline pipeline, Map<String, String> overrides) {
    return new ConfigValidator(pipeline)
        .validate(
            PipelineConfig.defaults().over(PipelineConfig.parse("test", CONFIG)).with(overrides),
            false)
        .values();
  }

  @Override
  public void close() {
    runner.close();
    registry.close();
  }
}

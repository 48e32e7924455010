package io.recopipe.pipeline.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.pipeline.config.ConfigException;
import io.recopipe.pipeline.config.PromotionPolicy;
import io.recopipe.pipeline.metadata.MetadataStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The effective policy is the stricter of the home's and the run's, key by key. */
class HomePolicyTest {
  @TempDir Path dir;

  @Test
  void anUnsetHomeIsTheOldDefaultAndRunsInheritOrTightenIt() throws Exception {
    try (MetadataStore store = MetadataStore.open(dir.resolve("m.db"))) {
      HomePolicy home = new HomePolicy(store, Clock.systemUTC());
      assertEquals(PromotionPolicy.DEFAULT, home.policy());
      Map<String, String> inherited = home.effective(Map.of("train.seed", "7"));
      assertEquals("7", inherited.get("train.seed"));
      assertEquals(PromotionPolicy.DEFAULT, PromotionPolicy.from(inherited));

      Map<String, String> stricter =
          home.effective(Map.of("promotion.policy", "review", "promotion.expires_after", "2h"));
      assertEquals(
          new PromotionPolicy(PromotionPolicy.Mode.REVIEW, true, Duration.ofHours(2)),
          PromotionPolicy.from(stricter));

      Reviewer admin =
          new Reviewers(store)
              .authenticate(new Reviewers(store).add("root", false, Optional.empty(), "u"));
      home.set(
          Map.of(
              "promotion",
              "Review",
              "promotion.four_eyes",
              "false",
              "promotion.expires_after",
              "1h"),
          admin);
      assertEquals(
          new PromotionPolicy(PromotionPolicy.Mode.REVIEW, false, Duration.ofHours(1)),
          home.policy());
      Map<String, String> tighter =
          home.effective(Map.of("promotion.four_eyes", "true", "promotion.expires_after", "30m"));
      assertEquals(
          new PromotionPolicy(PromotionPolicy.Mode.REVIEW, true, Duration.ofMinutes(30)),
          PromotionPolicy.from(tighter));

      ConfigException weaker =
          assertThrows(
              ConfigException.class,
              () ->
                  home.effective(
                      Map.of("promotion.policy", "auto", "promotion.expires_after", "PT2H")));
      assertTrue(
          weaker
              .getMessage()
              .startsWith(
                  "promotion.policy=auto is refused: this home "
                      + "requires promotion.policy=review; promotion.expires_after=PT2H is refused: this "
                      + "home requires promotion.expires_after of at most 1h: a run may make review "
                      + "stricter, never weaker"),
          weaker.getMessage());
      assertThrows(ConfigException.class, () -> home.set(Map.of("gate.r2_min", "0"), admin));
    }
  }
}

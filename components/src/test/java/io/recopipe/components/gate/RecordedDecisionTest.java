package io.recopipe.components.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.components.testing.ArtifactFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the runner reads a recorded decision through {@link Gate}, and the promotion rule. */
class RecordedDecisionTest {
  @TempDir Path temp;

  private Path decision(String name, String json) throws IOException {
    Path dir = Files.createDirectories(temp.resolve(name));
    Files.writeString(dir.resolve(GateDecision.FILE), json);
    return dir;
  }

  @Test
  void onlyAnExplicitTrueBlesses() throws IOException {
    assertTrue(Gate.blesses(ArtifactFixture.DECISION.copyTo(temp)));
    assertFalse(Gate.blesses(temp.resolve("missing")));
    assertFalse(Gate.blesses(decision("garbage", "{not json")));
    assertFalse(Gate.blesses(decision("text", "{\"blessed\": \"true\"}")));
    assertFalse(Gate.blesses(decision("array", "[true]")));
    assertFalse(Gate.blesses(decision("no", "{\"blessed\": false}")));
  }

  @Test
  void reviewReasonsAndTextAreReadLeniently() throws IOException {
    Path dir =
        decision(
            "review",
            "{\"blessed\": true, \"review_required\": "
                + "[\"response contract changed: model name a → b\"]}");
    assertEquals(List.of("response contract changed: model name a → b"), Gate.reviewRequired(dir));
    assertEquals(List.of(), Gate.reviewRequired(decision("none", "{\"blessed\": true}")));
    assertEquals(List.of(), Gate.reviewRequired(decision("bad", "{")));
    assertEquals(List.of(), Gate.reviewRequired(temp.resolve("missing")));
    assertEquals(Optional.of("{\"blessed\": true}"), Gate.recorded(temp.resolve("none")));
    assertEquals(Optional.empty(), Gate.recorded(temp.resolve("missing")));
  }

  @Test
  void aBlessedModelWaitsUnderReviewOrWhenTheDecisionAsks() {
    List<String> problems = new ArrayList<>();
    PromotionRule auto = PromotionRule.parse(Map.of(), problems);
    assertEquals(PromotionRule.DEFAULT, auto);
    assertFalse(auto.waitsForReview(List.of()));
    assertTrue(auto.waitsForReview(List.of("data not comparable")));
    PromotionRule review =
        PromotionRule.parse(
            Map.of(PromotionRule.POLICY, "review", PromotionRule.EXPIRES_AFTER, "30m"), problems);
    assertTrue(review.waitsForReview(List.of()));
    assertEquals(Duration.ofMinutes(30), review.expiresAfter());
    assertEquals(List.of(), problems);
    PromotionRule.parse(Map.of(PromotionRule.FOUR_EYES, "maybe"), problems);
    assertEquals(List.of("promotion.four_eyes: expected true or false, found 'maybe'"), problems);
  }
}

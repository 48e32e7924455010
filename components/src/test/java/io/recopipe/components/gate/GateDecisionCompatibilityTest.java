package io.recopipe.components.gate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.components.api.ComponentException;
import io.recopipe.components.testing.ArtifactFixture;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads the {@code decision.json} that 6329e23's gate step wrote on 2026-12-03 ({@link
 * ArtifactFixture#DECISION}): a resumed run decides whether to go on from the decision an earlier
 * release recorded.
 */
class GateDecisionCompatibilityTest {
  @TempDir Path temp;

  @Test
  void readsWhetherTheRecordedDecisionBlessed() throws IOException, ComponentException {
    assertTrue(GateDecision.isBlessed(ArtifactFixture.DECISION.copyTo(temp)));
  }
}

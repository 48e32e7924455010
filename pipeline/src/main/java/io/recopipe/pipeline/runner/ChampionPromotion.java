package io.recopipe.pipeline.runner;

import io.recopipe.pipeline.registry.ModelRegistry;
import io.recopipe.pipeline.registry.ModelVersion;
import io.recopipe.pipeline.review.Approval;
import io.recopipe.pipeline.review.ApprovalState;
import io.recopipe.pipeline.review.Approvals;
import java.io.PrintStream;
import java.util.Optional;

/**
 * Makes a SUCCEEDED run's registered version the champion, attributed to whoever let it through:
 * the approving reviewer under {@code promotion: review}, the run's starter under {@code auto};
 * the registry keeps the move in its alias history and the audit log.
 */
final class ChampionPromotion {
  private final ModelRegistry registry;
  private final Approvals approvals;

  ChampionPromotion(ModelRegistry registry, Approvals approvals) {
    this.registry = registry;
    this.approvals = approvals;
  }

  /** Promotes run {@code runId}'s version, if it registered one and it is not champion yet. */
  void promote(String runId, String startedBy, PrintStream progress) {
    Optional<ModelVersion> version = registry.forRun(runId);
    if (version.isEmpty()) {
      return;
    }
    ModelVersion v = version.get();
    boolean already = registry.alias(v.pipeline(), ModelRegistry.CHAMPION)
        .map(champion -> champion.version() == v.version()).orElse(false);
    if (already) {
      return;
    }
    Optional<Approval> approval = approvals.forRun(runId)
        .filter(a -> a.state() == ApprovalState.APPROVED);
    String actor = approval.flatMap(Approval::decidedBy).orElse(startedBy);
    String reason = approval.map(a -> "approved by " + actor + ": " + a.comment().orElse(""))
        .orElse("auto promotion of run " + runId);
    registry.promote(v.pipeline(), v.version(), actor, reason);
    progress.println("champion of " + v.pipeline() + " is now v" + v.version() + " ("
        + reason + ")");
  }
}

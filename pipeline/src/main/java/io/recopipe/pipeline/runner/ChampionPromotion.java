package io.recopipe.pipeline.runner;

import io.recopipe.pipeline.registry.ModelRegistry;
import io.recopipe.pipeline.registry.RegisteredVersion;
import io.recopipe.pipeline.review.Approval;
import io.recopipe.pipeline.review.ApprovalState;
import io.recopipe.pipeline.review.Approvals;
import java.io.PrintStream;
import java.util.Optional;

/**
 * Makes a SUCCEEDED run's committed version the champion, attributed to whoever let it through: the
 * approving reviewer under {@code promotion: review}, the run's starter under {@code auto}; the
 * registry keeps the move in its alias history and the audit log.
 */
final class ChampionPromotion {
  private final ModelRegistry registry;
  private final Approvals approvals;

  ChampionPromotion(ModelRegistry registry, Approvals approvals) {
    this.registry = registry;
    this.approvals = approvals;
  }

  /**
   * Makes {@code v}, run {@code runId}'s version, the champion unless it is already; {@code
   * served}: the run deployed it (DEPLOYED), else it is champion without serving (PROMOTED). A
   * champion the run served again is marked DEPLOYED.
   */
  void promote(
      RegisteredVersion v, boolean served, String runId, String startedBy, PrintStream progress) {
    boolean already =
        registry
            .alias(v.pipeline(), ModelRegistry.CHAMPION)
            .map(champion -> champion.version() == v.version())
            .orElse(false);
    if (already) {
      if (served) {
        registry.markServing(v.pipeline(), v.version(), startedBy);
      }
      return;
    }
    Optional<Approval> approval =
        approvals
            .forRun(runId)
            .or(() -> approvals.find(v.pipeline(), v.version()))
            .filter(a -> a.state() == ApprovalState.APPROVED);
    String actor = approval.flatMap(Approval::decidedBy).orElse(startedBy);
    String reason =
        approval
            .map(a -> "approved by " + actor + ": " + a.comment().orElse(""))
            .orElse("auto promotion of run " + runId);
    registry.promote(v.pipeline(), v.version(), actor, reason, served);
    progress.println(
        "champion of "
            + v.pipeline()
            + " is now v"
            + v.version()
            + " ("
            + reason
            + ")"
            + (served ? "" : "; not deployed by this run"));
  }
}

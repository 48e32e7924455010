package io.recopipe.pipeline.promotion;

import io.recopipe.components.api.ComponentException;
import io.recopipe.model.error.OperationFailedException;
import io.recopipe.pipeline.audit.AuditLog;
import io.recopipe.pipeline.dsl.Pipeline;
import io.recopipe.pipeline.registry.ModelRegistry;
import io.recopipe.pipeline.registry.RegisteredVersion;
import io.recopipe.pipeline.review.ReviewException;
import io.recopipe.pipeline.review.Reviewer;
import io.recopipe.pipeline.runner.LocalRunner;
import io.recopipe.pipeline.runner.RunOptions;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Puts the {@code previous} version back into service: redeploys exactly what its run deployed
 * (image, model, deploy parameters), then swaps the aliases (so the rolled-back version becomes
 * {@code previous}) and records who did it and why, so a bad model is one command from gone.
 */
final class ChampionRollback {
  private final LocalRunner runner;
  private final ModelRegistry registry;
  private final AuditLog audit;
  private final Pipeline pipeline;
  private final Clock clock;

  ChampionRollback(
      LocalRunner runner, ModelRegistry registry, AuditLog audit, Pipeline pipeline, Clock clock) {
    this.runner = runner;
    this.registry = registry;
    this.audit = audit;
    this.pipeline = pipeline;
    this.clock = clock;
  }

  /** Rolls back by {@code reviewer} for {@code reason}; returns the new champion's version. */
  int run(Reviewer reviewer, String reason, RunOptions options) throws ReviewException {
    String name = pipeline.name();
    RegisteredVersion target =
        registry
            .alias(name, ModelRegistry.PREVIOUS)
            .orElseThrow(
                () ->
                    new ReviewException(
                        ReviewException.Kind.CONFLICT,
                        "nothing to roll back to: "
                            + name
                            + " has no previous version (it needs two promotions first)"));
    Optional<RegisteredVersion> champion = registry.alias(name, ModelRegistry.CHAMPION);
    try {
      runner.redeploy(pipeline, target.runId(), options);
    } catch (ComponentException e) {
      throw new OperationFailedException(
          "rollback to "
              + name
              + " v"
              + target.version()
              + " failed and nothing changed: "
              + e.getMessage(),
          e);
    }
    registry.promote(name, target.version(), reviewer.name(), "rollback: " + reason, true);
    Map<String, String> detail = new LinkedHashMap<>();
    detail.put("from", champion.map(v -> String.valueOf(v.version())).orElse(""));
    detail.put("to", String.valueOf(target.version()));
    detail.put("run_id", target.runId());
    detail.put("reason", reason);
    audit.append(
        clock.instant(),
        reviewer.name(),
        "rollback",
        ModelRegistry.subject(name, target.version()),
        detail);
    options
        .progress()
        .println(
            "rolled back "
                + name
                + " to v"
                + target.version()
                + champion.map(v -> " (v" + v.version() + " is now previous)").orElse(""));
    return target.version();
  }
}

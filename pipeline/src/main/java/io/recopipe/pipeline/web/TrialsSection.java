package io.recopipe.pipeline.web;

import io.recopipe.components.api.ArtifactType;
import io.recopipe.pipeline.insight.SvgCharts;
import io.recopipe.pipeline.insight.TuningTrials;
import io.recopipe.pipeline.metadata.ExecutionStatus;
import io.recopipe.pipeline.registry.ModelVersion;
import io.recopipe.pipeline.runner.RunHistory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The promotion page's tuning evidence, shown only when the candidate's run tuned: the trials
 * chart and ML.TRIAL_INFO-style table, so a reviewer sees where the model's options came from.
 */
final class TrialsSection {
  private TrialsSection() {
  }

  /** Renders the section when the run of {@code candidate} has a tuning output with trials. */
  static void render(Html body, RunHistory history, ModelVersion candidate) {
    Optional<TuningTrials> trials = trials(history, candidate);
    if (trials.isEmpty()) {
      return;
    }
    TuningTrials t = trials.get();
    body.element("h2", "Tuning trials (" + t.objective() + " on the validation split, "
        + (t.higherIsBetter() ? "higher" : "lower") + " is better)")
        .raw("<div class=\"chart\" id=\"trials-chart\">").raw(SvgCharts.trialsChart(t))
        .raw("</div><table id=\"trials\">")
        .headerRow("Trial", "num_factors", "l2_reg", "wals_alpha", t.objective(), "Status");
    for (TuningTrials.Point p : t.trials()) {
      body.raw(p.optimal() ? "<tr class=\"best\">" : "<tr>").raw("<td class=\"num\">")
          .text(p.trialId() + (p.optimal() ? " (best)" : "")).raw("</td><td class=\"num\">")
          .text(p.numFactors()).raw("</td><td class=\"num\">").text(Formats.number(p.l2Reg()))
          .raw("</td><td class=\"num\">").text(Double.isNaN(p.walsAlpha()) ? "–"
              : Formats.number(p.walsAlpha()))
          .raw("</td><td class=\"num\">").text(Double.isNaN(p.objective()) ? "–"
              : Formats.number(p.objective()))
          .raw("</td><td>").text(p.status()).raw("</td></tr>");
    }
    body.raw("</table>");
  }

  private static Optional<TuningTrials> trials(RunHistory history, ModelVersion candidate) {
    return history.show(candidate.runId()).flatMap(report -> report.executions().stream()
        .filter(e -> e.execution().status() == ExecutionStatus.SUCCEEDED)
        .map(e -> e.outputs().get("tuning"))
        .filter(a -> a != null && a.type() == ArtifactType.TUNING)
        .reduce((first, second) -> second))
        .flatMap(artifact -> {
          try {
            return TuningTrials.read(history.locate(artifact));
          } catch (IOException e) {
            throw new UncheckedIOException("cannot read the tuning trials of run "
                + candidate.runId() + ": " + e.getMessage(), e);
          }
        });
  }
}

package io.recopipe.pipeline.cli;

import io.recopipe.components.deploy.EndpointRegistry;
import io.recopipe.components.deploy.LiveStatus;
import io.recopipe.pipeline.endpoint.JournalReconciler;
import io.recopipe.pipeline.endpoint.ServedTruth;
import io.recopipe.pipeline.registry.ModelRegistry;
import io.recopipe.pipeline.registry.RegisteredVersion;
import io.recopipe.pipeline.runner.LocalRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code recopipe models list}: every registered version, newest first, with its status, which one
 * is champion or previous, its headline metrics and run, so a reviewer sees what waits.
 */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "Lists registered model versions, newest first.")
final class ModelsListCommand implements Callable<Integer> {
  @Mixin PipelineOption pipelineOption;

  @Mixin HomeOption home;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    String pipeline = pipelineOption.name;
    try (OpenHome opened = home.open()) {
      LocalRunner runner = opened.runner();
      ModelsCommand.promotions(opened).expireStale();
      ModelRegistry registry = opened.registry();
      Optional<Integer> champion =
          registry.alias(pipeline, ModelRegistry.CHAMPION).map(RegisteredVersion::version);
      Optional<Integer> previous =
          registry.alias(pipeline, ModelRegistry.PREVIOUS).map(RegisteredVersion::version);
      ServedTruth truth = servedTruth(runner);
      Optional<String> serving = truth.servedVersion();
      Optional<String> down = truth.live().up() ? Optional.empty() : truth.registeredVersion();
      List<List<Object>> rows = new ArrayList<>();
      for (RegisteredVersion v : registry.list(pipeline)) {
        String alias =
            champion
                .filter(c -> c == v.version())
                .map(c -> "champion")
                .or(() -> previous.filter(p -> p == v.version()).map(p -> "previous"))
                .orElse("");
        String marker =
            serving
                .filter(v.modelVersion()::equals)
                .map(x -> "serving")
                .or(() -> down.filter(v.modelVersion()::equals).map(x -> "down"))
                .orElse("");
        if (!marker.isEmpty()) {
          alias = alias.isEmpty() ? marker : alias + ", " + marker;
        }
        rows.add(
            List.of(
                v.version(),
                v.status().name(),
                alias,
                metric(v, "root_mean_squared_error"),
                metric(v, "r2_score"),
                v.runId(),
                v.createdAt().toString()));
      }
      spec.commandLine()
          .getOut()
          .println(
              rows.isEmpty()
                  ? "no registered versions of " + pipeline + " in " + runner.home()
                  : TextTable.render(
                      List.of("version", "status", "alias", "RMSE", "R²", "run", "created"), rows));
      truth.driftLine().ifPresent(spec.commandLine().getOut()::println);
      return ExitCodes.OK;
    }
  }

  /**
   * What the local endpoint serves according to its live process (after importing its admin journal
   * into the audit log), so the list marks the version really served, or {@code down}.
   */
  private static ServedTruth servedTruth(LocalRunner runner) {
    JournalReconciler.reconcile(runner.home());
    try {
      return ServedTruth.of(EndpointRegistry.load(runner.home().serving()));
    } catch (java.io.IOException | RuntimeException e) {
      return new ServedTruth(Optional.empty(), LiveStatus.DOWN);
    }
  }

  static String metric(RegisteredVersion v, String name) {
    Double value = v.metrics().get(name);
    return value == null ? "-" : String.format(Locale.ROOT, "%.4f", value);
  }
}

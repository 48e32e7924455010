package io.recopipe.pipeline.cli;

import io.recopipe.components.deploy.EndpointRegistry;
import io.recopipe.components.deploy.Revision;
import io.recopipe.components.packaging.ServingResources;
import io.recopipe.pipeline.endpoint.JournalReconciler;
import io.recopipe.pipeline.endpoint.ServedTruth;
import io.recopipe.pipeline.home.RecopipeHome;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code recopipe endpoints}: the local endpoint's revisions (model version, port, pid, status,
 * since), so an operator sees what is serving and what was rolled back and why. The serving row
 * shows what its process says now: {@code down} when it is gone, and a {@code DRIFT} line when it
 * serves another model version than the registry names.
 */
@Command(
    name = "endpoints",
    mixinStandardHelpOptions = true,
    description = "Lists the local endpoint's revisions.")
final class EndpointsCommand implements Callable<Integer> {
  @Mixin HomeOption home;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    RecopipeHome at = home.resolve();
    JournalReconciler.reconcile(at);
    EndpointRegistry registry = EndpointRegistry.load(at.serving());
    ServedTruth truth = ServedTruth.of(registry);
    PrintWriter out = spec.commandLine().getOut();
    List<List<Object>> rows = new ArrayList<>();
    for (Revision r : registry.revisions()) {
      boolean serving = truth.revision().filter(s -> s.revision().equals(r.revision())).isPresent();
      String status = serving ? truth.live().word() : r.status().json();
      String version =
          serving && truth.drifted()
              ? truth.servedVersion().orElse("?") + " (registry: " + r.modelVersion() + ")"
              : r.modelVersion();
      rows.add(
          Arrays.asList(
              r.revision(),
              version,
              r.runId(),
              status,
              r.port(),
              r.pid(),
              serving ? (truth.live().up() ? "yes" : "no") : r.alive() ? "yes" : "no",
              String.valueOf(r.since()),
              r.reason()));
    }
    out.println(
        TextTable.render(
            List.of(
                "revision",
                "model_version",
                "run",
                "status",
                "port",
                "pid",
                "alive",
                "since",
                "reason"),
            rows));
    truth.driftLine().ifPresent(out::println);
    if (truth.revision().isEmpty()) {
      out.println("nothing is serving");
    } else if (!truth.live().up()) {
      out.println(
          "down: revision "
              + truth.revision().get().revision()
              + " (pid "
              + truth.revision().get().pid()
              + ") is not running; "
              + registry.url().orElse("?")
              + " does not answer");
    } else {
      out.println(
          "serving: "
              + registry.url().orElse("?")
              + " (revision "
              + truth.revision().get().revision()
              + ", model "
              + truth.servedVersion().orElse("?")
              + ")");
    }
    truth
        .revision()
        .flatMap(
            r ->
                ServingResources.recorded(
                    EndpointRegistry.revisionDir(registry.serviceDir(), r.revision())))
        .ifPresent(s -> out.println("settings: " + s));
    out.flush();
    return ExitCodes.OK;
  }
}

package io.recopipe.pipeline.cli;

import io.recopipe.components.deploy.EndpointRegistry;
import io.recopipe.components.deploy.Revision;
import io.recopipe.pipeline.endpoint.JournalReconciler;
import io.recopipe.pipeline.home.RecopipeHome;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code recopipe undeploy}: stops the serving revision gracefully and records it as stopped. */
@Command(
    name = "undeploy",
    mixinStandardHelpOptions = true,
    description = "Stops the local endpoint's serving revision.")
final class UndeployCommand implements Callable<Integer> {
  @Mixin HomeOption home;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    RecopipeHome at = home.resolve();
    EndpointRegistry registry = EndpointRegistry.load(at.serving());
    Optional<Revision> stopped = registry.undeploy();
    JournalReconciler.reconcile(at);
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        stopped
            .map(
                r ->
                    "stopped revision "
                        + r.revision()
                        + " (model "
                        + r.modelVersion()
                        + ", pid "
                        + r.pid()
                        + ")")
            .orElse("nothing was serving"));
    out.flush();
    return ExitCodes.OK;
  }
}

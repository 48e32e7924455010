package io.recopipe.pipeline.cli;

import io.recopipe.components.deploy.EndpointRegistry;
import io.recopipe.components.deploy.Revision;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code recopipe undeploy}: stops the serving revision gracefully and records it as stopped. */
@Command(name = "undeploy", mixinStandardHelpOptions = true,
    description = "Stops the local endpoint's serving revision.")
final class UndeployCommand implements Callable<Integer> {
  @Mixin
  HomeOption home;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    EndpointRegistry registry = EndpointRegistry.load(home.resolve().serving());
    Optional<Revision> stopped = registry.undeploy();
    PrintWriter out = spec.commandLine().getOut();
    out.println(stopped.map(r -> "stopped revision " + r.revision() + " (model " + r.modelVersion()
        + ", pid " + r.pid() + ")").orElse("nothing was serving"));
    out.flush();
    return ExitCodes.OK;
  }
}

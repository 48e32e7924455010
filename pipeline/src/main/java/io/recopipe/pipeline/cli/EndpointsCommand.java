package io.recopipe.pipeline.cli;

import io.recopipe.components.deploy.EndpointRegistry;
import io.recopipe.components.deploy.Revision;
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
 * since), so an operator sees what is serving and what was rolled back and why.
 */
@Command(name = "endpoints", mixinStandardHelpOptions = true,
    description = "Lists the local endpoint's revisions.")
final class EndpointsCommand implements Callable<Integer> {
  @Mixin
  HomeOption home;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    EndpointRegistry registry = EndpointRegistry.load(home.resolve().serving());
    PrintWriter out = spec.commandLine().getOut();
    List<List<Object>> rows = new ArrayList<>();
    for (Revision r : registry.revisions()) {
      rows.add(Arrays.asList(r.revision(), r.modelVersion(), r.runId(), r.status().json(),
          r.port(), r.pid(), r.alive() ? "yes" : "no", String.valueOf(r.since()), r.reason()));
    }
    out.println(TextTable.render(List.of("revision", "model_version", "run", "status", "port",
        "pid", "alive", "since", "reason"), rows));
    registry.serving().ifPresentOrElse(
        serving -> out.println("serving: " + registry.url().orElse("?") + " (revision "
            + serving.revision() + ")"),
        () -> out.println("nothing is serving"));
    out.flush();
    return ExitCodes.OK;
  }
}

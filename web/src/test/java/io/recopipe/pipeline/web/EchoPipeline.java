package io.recopipe.pipeline.web;

import io.recopipe.components.api.ArtifactType;
import io.recopipe.components.api.Component;
import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.Port;
import io.recopipe.components.api.StepContext;
import io.recopipe.pipeline.dsl.Pipeline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/** A two-step pipeline whose steps log {@link #LINE}, for pages that show runs and logs. */
final class EchoPipeline {
  /** The pipeline's name. */
  static final String NAME = "echo";

  /** A log line that would be markup if a page ever rendered a log as HTML. */
  static final String LINE = "<script>alert('x')</script> & \"quoted\" ü";

  private EchoPipeline() {}

  static Pipeline definition() {
    return Pipeline.builder(NAME)
        .step("say", new Echo(List.of()))
        .step("repeat", new Echo(List.of(Port.of("report", ArtifactType.REPORT))))
        .input("report", "say", "report")
        .build();
  }

  /** Logs the line and writes a small report. */
  private record Echo(List<Port> inputs) implements Component {
    @Override
    public String name() {
      return "echo";
    }

    @Override
    public String version() {
      return "1";
    }

    @Override
    public List<Port> outputs() {
      return List.of(Port.of("report", ArtifactType.REPORT));
    }

    @Override
    public void validate(Map<String, String> parameters) {
      // reads no parameters
    }

    @Override
    public void run(StepContext context) throws ComponentException {
      context.log().info(LINE);
      try {
        Files.writeString(context.output("report").resolve("report.txt"), "ok");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}

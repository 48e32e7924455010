package io.recopipe.pipeline.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --pipeline NAME} option the registry commands share: which pipeline's versions to act
 * on, {@value ModelsCommand#DEFAULT_PIPELINE} unless told otherwise.
 */
final class PipelineOption {
  @Option(
      names = "--pipeline",
      paramLabel = "NAME",
      description = "Pipeline (default: " + ModelsCommand.DEFAULT_PIPELINE + ").")
  String name = ModelsCommand.DEFAULT_PIPELINE;
}

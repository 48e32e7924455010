package io.recopipe.pipeline.cli;

import picocli.CommandLine.Command;

/**
 * Groups the benchmarks; each prints one JSON line per case so runs can be compared by script. It
 * joins {@code recopipe} as an {@link AddOnCommand} when the bench jar is on the class path.
 */
@Command(
    name = "bench",
    description = "Benchmarks that print one JSON line per case.",
    mixinStandardHelpOptions = true,
    subcommands = {
      BenchAlsCommand.class,
      BenchRecommendCommand.class,
      BenchPipelineCommand.class,
      BenchAuditCommand.class,
      BenchWeightsCommand.class,
      BenchTuneCommand.class,
      BenchHybridCommand.class,
      BenchImplicitCommand.class,
      BenchDefaultsCommand.class,
      BenchTopKCommand.class,
      BenchCommitCommand.class
    })
public final class BenchCommand implements AddOnCommand {}

package io.recopipe.pipeline.cli;

import picocli.CommandLine.Command;

/** Groups the benchmarks; each prints one JSON line per case so runs can be compared by script. */
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
final class BenchCommand {}

package io.recopipe.pipeline.cli;

import picocli.CommandLine.Command;

/** Groups the data tools, so that other tools can be run on exactly the data recopipe uses. */
@Command(
    name = "data",
    description = "Data tools.",
    mixinStandardHelpOptions = true,
    subcommands = {GenerateCommand.class})
final class DataCommand {}

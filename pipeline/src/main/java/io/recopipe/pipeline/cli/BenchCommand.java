package io.recopipe.pipeline.cli;

import picocli.CommandLine.Command;

/** PLACEHOLDER: replaced by the benchmark work before this issue closes. */
@Command(name = "bench", description = "Benchmarks that print JSON lines.")
final class BenchCommand {
}

package io.recopipe.components.ingest;

import io.recopipe.components.api.BadInputException;
import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.StepContext;
import io.recopipe.components.api.StepLog;
import io.recopipe.components.readers.BadRowPolicy;
import io.recopipe.components.readers.ControlChars;
import io.recopipe.components.readers.DataFormatException;
import io.recopipe.components.readers.DatasetReader;
import io.recopipe.components.readers.FileMagic;
import io.recopipe.components.readers.ReadNotes;
import io.recopipe.components.synthetic.Preset;
import io.recopipe.components.synthetic.SyntheticGenerator;
import java.io.IOException;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Chooses how to read {@code ingest.source} (synthetic preset, MovieLens 1M download, Parquet by
 * name or by its bytes, MovieLens release or delimited file), applies the bad-row policy, refuses a
 * by-time split of data without timestamps, and turns every reader failure into the one-line {@link
 * ComponentException} the runner records ({@link BadInputException} when the data is at fault);
 * {@link #preflight} runs the same read on a file's first lines before a run starts.
 */
final class SourceLoader {
  static final String PRESET_PREFIX = "preset:";
  static final String MOVIELENS_1M = "movielens-1m";
  private static final StepLog QUIET =
      new StepLog() {
        @Override
        public void info(String line) {}

        @Override
        public void progress(String line) {}
      };

  private SourceLoader() {}

  static IngestedData load(IngestOptions options, StepContext context) throws ComponentException {
    IngestedData data = read(options, context);
    requireTimestampsForSplit(options, data);
    if (!data.rejected().isEmpty()) {
      int skipped = data.rejected().size();
      data =
          data.withNotice(
              skipped
                  + (skipped == 1 ? " bad row" : " bad rows")
                  + " skipped"
                  + " (ingest.max_bad_records is "
                  + options.badRows().maxBadRecords()
                  + "); see the"
                  + " rejected_rows table");
    }
    return data;
  }

  /**
   * Reads the first {@code lines} lines (or rows) of a local source with the full read's code and
   * checks them as {@link #load} would; a preset or a download is left to the step.
   *
   * @throws BadInputException naming the file, line and column, as the step would
   */
  static void preflight(IngestOptions options, int lines) throws ComponentException {
    if (isGenerated(options.source())) {
      return;
    }
    BadRowPolicy preview = options.badRows().withLineLimit(lines);
    requireTimestampsForSplit(options, readLocal(options, preview, QUIET));
  }

  private static boolean isGenerated(String source) {
    return source.toLowerCase(Locale.ROOT).startsWith(PRESET_PREFIX)
        || source.equalsIgnoreCase(MOVIELENS_1M);
  }

  private static void requireTimestampsForSplit(IngestOptions options, IngestedData data)
      throws BadInputException {
    if (options.split().method().equals(SplitSpec.LATEST) && !data.hasTimestamps()) {
      throw new BadInputException(
          "ingest.split: latest splits by time, but "
              + ControlChars.escape(data.source())
              + " has no timestamp column; name one with --set"
              + " ingest.timestamp_col=NAME, or use --set ingest.split=random");
    }
  }

  private static IngestedData read(IngestOptions options, StepContext context)
      throws ComponentException {
    String source = options.source();
    if (!isGenerated(source)) {
      return readLocal(options, options.badRows(), context.log());
    }
    try {
      if (source.toLowerCase(Locale.ROOT).startsWith(PRESET_PREFIX)) {
        return preset(source.substring(PRESET_PREFIX.length()), options.seed());
      }
      Path zip =
          new MovieLensDownload(
                  URI.create(options.url()),
                  options.checksum(),
                  context.cacheDirectory().resolve("downloads"),
                  context.log())
              .fetch();
      return IngestedData.of(DatasetReader.read(zip, options.badRows()), options.url());
    } catch (DataFormatException e) {
      throw new BadInputException(e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("ingest.source: " + ControlChars.escape(e.getMessage()), e);
    } catch (IOException e) {
      throw new ComponentException(
          "ingest.source: "
              + ControlChars.escape(source)
              + ": "
              + ControlChars.escape(String.valueOf(e)),
          e);
    }
  }

  private static IngestedData readLocal(IngestOptions options, BadRowPolicy policy, StepLog log)
      throws ComponentException {
    String source = options.source();
    try {
      Path path = localPath(source);
      if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet")
          || FileMagic.isParquet(path)) {
        return ParquetSource.read(path, options.columns(), options.scale(), policy, log);
      }
      if (options.columns().given() || options.scale().isPresent()) {
        requireSingleFile(path);
        return IngestedData.of(
            DatasetReader.read(path, options.columns().delimitedOptions(options.scale()), policy),
            path.toString());
      }
      return IngestedData.of(DatasetReader.read(path, policy), path.toString());
    } catch (DataFormatException e) {
      throw new BadInputException(e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("ingest.source: " + ControlChars.escape(e.getMessage()), e);
    } catch (AccessDeniedException e) {
      throw new BadInputException(
          "ingest.source: cannot read " + ControlChars.escape(e.getFile()) + ": permission denied",
          e);
    } catch (IOException e) {
      throw new ComponentException(
          "ingest.source: "
              + ControlChars.escape(source)
              + ": "
              + ControlChars.escape(String.valueOf(e)),
          e);
    }
  }

  private static IngestedData preset(String name, long seed) {
    Preset preset = Preset.fromName(name);
    return IngestedData.ratingsOnly(
        SyntheticGenerator.generate(preset, seed).ratings(),
        "synthetic " + preset.cliName(),
        PRESET_PREFIX + preset.cliName() + " seed " + seed,
        0,
        0,
        new ReadNotes(List.of(), List.of(), true));
  }

  /** Column mapping and rating bounds describe one delimited file, not a MovieLens release. */
  private static void requireSingleFile(Path path) throws BadInputException {
    if (Files.isDirectory(path)
        || path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
      throw new BadInputException(
          "ingest.source: "
              + path
              + ": delimiter, header, *_col and"
              + " rating_min/rating_max apply to a single delimited or Parquet file; a MovieLens"
              + " release declares its own layout and scale");
    }
  }

  private static Path localPath(String source) throws BadInputException {
    Path path;
    try {
      path = Path.of(source);
    } catch (InvalidPathException e) {
      throw new BadInputException(
          "ingest.source: not a valid path: " + ControlChars.escape(source), e);
    }
    if (!Files.exists(path)) {
      throw new BadInputException(
          "ingest.source: no such file: " + ControlChars.escape(path.toAbsolutePath().toString()));
    }
    return path;
  }
}

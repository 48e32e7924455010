package io.recopipe.components.ingest;

import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.StepContext;
import io.recopipe.components.readers.ControlChars;
import io.recopipe.components.readers.DataFormatException;
import io.recopipe.components.readers.DatasetReader;
import io.recopipe.components.readers.FileMagic;
import io.recopipe.components.readers.ReadNotes;
import io.recopipe.components.synthetic.Preset;
import io.recopipe.components.synthetic.SyntheticGenerator;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Chooses how to read {@code ingest.source} (synthetic preset, MovieLens 1M download, Parquet by
 * name or by its bytes, MovieLens release or delimited file), applies the bad-row policy, refuses
 * a by-time split of data without timestamps, and turns every reader failure into the one-line
 * {@link ComponentException} the runner records.
 */
final class SourceLoader {
  static final String PRESET_PREFIX = "preset:";
  static final String MOVIELENS_1M = "movielens-1m";

  private SourceLoader() {
  }

  static IngestedData load(IngestOptions options, StepContext context) throws ComponentException {
    IngestedData data = read(options, context);
    if (options.split().method().equals(SplitSpec.LATEST) && !data.hasTimestamps()) {
      throw new ComponentException("ingest.split: latest splits by time, but "
          + ControlChars.escape(data.source()) + " has no timestamp column; name one with --set"
          + " ingest.timestamp_col=NAME, or use --set ingest.split=random");
    }
    if (!data.rejected().isEmpty()) {
      int skipped = data.rejected().size();
      data = data.withNotice(skipped + (skipped == 1 ? " bad row" : " bad rows") + " skipped"
          + " (ingest.max_bad_records is " + options.badRows().maxBadRecords() + "); see the"
          + " rejected_rows table");
    }
    return data;
  }

  private static IngestedData read(IngestOptions options, StepContext context)
      throws ComponentException {
    String source = options.source();
    try {
      if (source.toLowerCase(Locale.ROOT).startsWith(PRESET_PREFIX)) {
        return preset(source.substring(PRESET_PREFIX.length()), options.seed());
      }
      if (source.equalsIgnoreCase(MOVIELENS_1M)) {
        Path zip = new MovieLensDownload(URI.create(options.url()), options.checksum(),
            context.cacheDirectory().resolve("downloads"), context.log()).fetch();
        return IngestedData.of(DatasetReader.read(zip, options.badRows()), options.url());
      }
      Path path = localPath(source);
      if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet")
          || FileMagic.isParquet(path)) {
        return ParquetSource.read(path, options.columns(), options.scale(), options.badRows(),
            context.log());
      }
      if (options.columns().given() || options.scale().isPresent()) {
        requireSingleFile(path);
        return IngestedData.of(DatasetReader.read(path,
            options.columns().delimitedOptions(options.scale()), options.badRows()),
            path.toString());
      }
      return IngestedData.of(DatasetReader.read(path, options.badRows()), path.toString());
    } catch (DataFormatException e) {
      throw new ComponentException(e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new ComponentException("ingest.source: " + ControlChars.escape(e.getMessage()), e);
    } catch (IOException e) {
      throw new ComponentException("ingest.source: " + ControlChars.escape(source) + ": "
          + ControlChars.escape(String.valueOf(e)), e);
    }
  }

  private static IngestedData preset(String name, long seed) {
    Preset preset = Preset.fromName(name);
    return IngestedData.ratingsOnly(SyntheticGenerator.generate(preset, seed).ratings(),
        "synthetic " + preset.cliName(), PRESET_PREFIX + preset.cliName() + " seed " + seed,
        0, 0, new ReadNotes(List.of(), List.of(), true));
  }

  /** Column mapping and rating bounds describe one delimited file, not a MovieLens release. */
  private static void requireSingleFile(Path path) throws ComponentException {
    if (Files.isDirectory(path) || path.getFileName().toString().toLowerCase(Locale.ROOT)
        .endsWith(".zip")) {
      throw new ComponentException("ingest.source: " + path + ": delimiter, header, *_col and"
          + " rating_min/rating_max apply to a single delimited or Parquet file; a MovieLens"
          + " release declares its own layout and scale");
    }
  }

  private static Path localPath(String source) throws ComponentException {
    Path path;
    try {
      path = Path.of(source);
    } catch (InvalidPathException e) {
      throw new ComponentException("ingest.source: not a valid path: "
          + ControlChars.escape(source), e);
    }
    if (!Files.exists(path)) {
      throw new ComponentException("ingest.source: no such file: "
          + ControlChars.escape(path.toAbsolutePath().toString()));
    }
    return path;
  }
}

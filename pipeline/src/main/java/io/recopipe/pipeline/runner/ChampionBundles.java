package io.recopipe.pipeline.runner;

import io.recopipe.infra.vertex.ChampionDownload;
import io.recopipe.pipeline.registry.RegisteredVersion;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Fetches the bundle of a champion the registry names but this home's artifact store does not hold
 * (one a Vertex AI job or a run on another machine promoted), so a run compares its candidate with
 * that champion instead of judging itself as the pipeline's first run.
 */
@FunctionalInterface
public interface ChampionBundles {
  /**
   * The bundle of {@code champion}, fetched under {@code into} (reused when a complete copy is
   * there already).
   *
   * @throws IOException when the bundle cannot be fetched or is no longer registered
   */
  Path fetch(RegisteredVersion champion, Path into) throws IOException;

  /**
   * The bundle of the champion's version in the Vertex AI Model Registry, as {@code downloads}
   * fetches it from the artifact store (the gcp profile's champions).
   */
  static ChampionBundles of(ChampionDownload downloads) {
    return (champion, into) -> {
      String version = String.valueOf(champion.version());
      return downloads
          .download(champion.pipeline(), version, into)
          .orElseThrow(
              () ->
                  new IOException(
                      "version " + version + " of " + champion.pipeline() + " is not registered"));
    };
  }
}

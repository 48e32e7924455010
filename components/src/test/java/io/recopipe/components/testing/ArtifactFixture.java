package io.recopipe.components.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A step's artifact directory kept as a test resource exactly as a release's {@code recopipe run}
 * left it, so that today's readers are held to what an old home, cache or champion still holds
 * (resources under {@code io/recopipe/components/compat/}).
 *
 * <p>How each was made, on 2026-12-03: the {@code 6329e23} ones by {@code recopipe run} at that
 * commit on 32 ratings of 8 users and 6 items (the run whose export is the model module's {@code
 * v1-explicit-export} bundle; {@code image.tar} left out, 10 MB), except the endpoint, deployed by
 * that commit's {@code recopipe run} on the 480 ratings below and stopped by {@code recopipe
 * undeploy}; the {@code 307b14d} one by that commit's CLI (schema 1 of the metadata store, before
 * {@code schema.json} existed) on 480 ratings of 40 users and 25 items.
 *
 * @param directory the resource directory under {@code io/recopipe/components/compat/}
 * @param files its files
 */
public record ArtifactFixture(String directory, List<String> files) {
  /** The ingest step's dataset, with schema.json and data_profile.json. */
  public static final ArtifactFixture DATASET =
      new ArtifactFixture(
          "dataset-6329e23",
          List.of(
              "data_profile.json",
              "eval.tsv",
              "ratings.tsv",
              "report.json",
              "schema.json",
              "train.tsv"));

  /** An older ingest's dataset: no schema.json, no data_profile.json. */
  public static final ArtifactFixture OLD_DATASET =
      new ArtifactFixture(
          "dataset-307b14d", List.of("eval.tsv", "ratings.tsv", "report.json", "train.tsv"));

  /** The package step's image description (without its tarball). */
  public static final ArtifactFixture IMAGE =
      new ArtifactFixture("image-6329e23", List.of("image.json"));

  /**
   * The local endpoint's directory after a deploy and an undeploy: the registry, and the revision's
   * state file (written by the serving process while it served) and admin journal.
   */
  public static final ArtifactFixture ENDPOINT =
      new ArtifactFixture(
          "endpoint-6329e23",
          List.of(
              "endpoints.json",
              "revisions/r0001-27a8e56c0449/state.json",
              "revisions/r0001-27a8e56c0449/admin-journal.jsonl"));

  /** The gate step's decision. */
  public static final ArtifactFixture DECISION =
      new ArtifactFixture("decision-6329e23", List.of("decision.json"));

  private static final String ROOT = "/io/recopipe/components/compat/";

  /** Copies the files into a new directory {@code parent/directory} and returns it. */
  public Path copyTo(Path parent) throws IOException {
    Path target = Files.createDirectories(parent.resolve(directory));
    for (String file : files) {
      Path copy = target.resolve(file);
      Files.createDirectories(copy.getParent());
      Files.write(copy, bytes(file));
    }
    return target;
  }

  /** The raw bytes of one of the files. */
  public byte[] bytes(String file) throws IOException {
    try (InputStream in =
        ArtifactFixture.class.getResourceAsStream(ROOT + directory + "/" + file)) {
      if (in == null) {
        throw new IOException("missing test resource " + ROOT + directory + "/" + file);
      }
      return in.readAllBytes();
    }
  }
}

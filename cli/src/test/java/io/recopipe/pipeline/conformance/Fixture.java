package io.recopipe.pipeline.conformance;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a fixture writer hands the conformance run: the path a user passes as {@code --data}, the
 * {@code --set} options a user of that layout must add, and what the served model must answer with,
 * so one harness checks every release the same way.
 *
 * @param data the directory, zip or file given as {@code --data}
 * @param settings {@code key=value} settings a real user of this layout must pass
 * @param ratingCount how many ratings the source holds (none may be lost)
 * @param itemIds every item id in the source, as text
 * @param knownUser a user with many ratings, as text
 * @param integerIds whether the source's user ids are integers (sent as JSON numbers)
 * @param minRating the smallest rating in the source
 * @param maxRating the largest rating in the source
 * @param latestTime the latest rating time in the source, in epoch seconds
 * @param titles catalog titles the movies table must hold, by item id
 */
record Fixture(
    Path data,
    List<String> settings,
    int ratingCount,
    Set<String> itemIds,
    String knownUser,
    boolean integerIds,
    double minRating,
    double maxRating,
    long latestTime,
    Map<String, String> titles) {

  /** A fixture whose ids and ratings come from {@code planted}, named by the two id maps. */
  static Fixture of(
      Path data,
      List<String> settings,
      PlantedRatings planted,
      IdMap users,
      IdMap items,
      boolean integerIds,
      Map<String, String> titles) {
    Set<String> itemIds =
        planted.rows().stream()
            .map(row -> items.id(row.item()))
            .collect(Collectors.toUnmodifiableSet());
    return new Fixture(
        data,
        settings,
        planted.rows().size(),
        itemIds,
        users.id(planted.mostActiveUser()),
        integerIds,
        planted.minRating(),
        planted.maxRating(),
        planted.latestTime(),
        titles);
  }

  /** The same fixture read from {@code other} (a zip of the same files, say). */
  Fixture at(Path other) {
    return new Fixture(
        other,
        settings,
        ratingCount,
        itemIds,
        knownUser,
        integerIds,
        minRating,
        maxRating,
        latestTime,
        titles);
  }

  /** How a release names the planted 0-based user or item index. */
  @FunctionalInterface
  interface IdMap {
    String id(int index);
  }
}

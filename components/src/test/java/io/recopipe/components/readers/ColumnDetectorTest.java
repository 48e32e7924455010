package io.recopipe.components.readers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Column detection by common names, on real files with headers. */
class ColumnDetectorTest {
  private static final Map<ColumnRole, List<String>> ALIASES =
      Map.of(
          ColumnRole.USER,
              List.of(
                  "user_id",
                  "userId",
                  "user",
                  "USER",
                  "customer_id",
                  "visitorid",
                  "visitorId",
                  "reviewerID",
                  "uid",
                  "member_id",
                  "Customer ID"),
          ColumnRole.ITEM,
              List.of(
                  "item_id",
                  "movieId",
                  "itemId",
                  "item",
                  "product_id",
                  "asin",
                  "movie_id",
                  "productId",
                  "iid",
                  "book_id",
                  "business_id",
                  "contentId",
                  "trackId",
                  "parent_asin"),
          ColumnRole.RATING,
              List.of(
                  "rating",
                  "score",
                  "stars",
                  "value",
                  "overall",
                  "Rating",
                  "weight",
                  "play_count",
                  "session_duration"),
          ColumnRole.TIMESTAMP,
              List.of(
                  "timestamp",
                  "ts",
                  "event_time",
                  "unixReviewTime",
                  "time",
                  "date",
                  "datetime",
                  "created_at"));

  private static DetectedColumns detect(List<String> header) {
    return ColumnDetector.detect(
        "f.csv", header, Map.of(), detail -> new DataFormatException("f.csv", 1, detail));
  }

  private static String failure(List<String> header) {
    return assertThrows(DataFormatException.class, () -> detect(header)).getMessage();
  }

  @Test
  void everyAliasMapsItsRoleInAnyCase() {
    for (Map.Entry<ColumnRole, List<String>> role : ALIASES.entrySet()) {
      for (String alias : role.getValue()) {
        List<String> header =
            new java.util.ArrayList<>(List.of("user_id", "item_id", "rating", "timestamp"));
        header.set(role.getKey().ordinal(), alias);
        DetectedColumns found = detect(header);
        assertEquals(role.getKey().ordinal(), found.position(role.getKey()), alias);
        assertEquals(alias, header.get(found.position(role.getKey())));
      }
    }
  }

  @Test
  void noticeNamesEveryColumnAndTheOverride() {
    DetectedColumns found = detect(List.of("userId", "movieId", "rating", "timestamp"));
    assertEquals(
        "columns detected in f.csv: user_id=userId, item_id=movieId, rating=rating,"
            + " timestamp=timestamp (override with --set ingest.user_col=…)",
        found.notice());
    assertEquals(-1, detect(List.of("rating", "asin", "reviewerID")).timestamp());
    assertEquals(
        "columns detected in f.csv: user_id=reviewerID, item_id=asin, rating=rating,"
            + " timestamp=none (override with --set ingest.user_col=…)",
        detect(List.of("rating", "asin", "reviewerID")).notice());
  }

  @Test
  void ambiguousColumnsFailWithTheExactFix() {
    assertEquals(
        "f.csv line 1: found 2 candidate user_id columns (user_id, customer_id) among"
            + " user_id, customer_id, item_id, rating; pick one with --set ingest.user_col=user_id",
        failure(List.of("user_id", "customer_id", "item_id", "rating")));
    assertEquals(
        "f.csv line 1: found 2 candidate timestamp columns (timestamp, date) among"
            + " userId, movieId, rating, timestamp, date; pick one with --set"
            + " ingest.timestamp_col=timestamp",
        failure(List.of("userId", "movieId", "rating", "timestamp", "date")));
  }

  @Test
  void missingColumnsFailWithTheColumnsFoundAndTheFix() {
    assertEquals(
        "f.csv line 1: found no user_id column among who, item_id, rating; name it"
            + " with --set ingest.user_col=NAME",
        failure(List.of("who", "item_id", "rating")));
    assertEquals(
        "f.csv line 1: found no item_id column among user_id, what, rating; name it"
            + " with --set ingest.item_col=NAME",
        failure(List.of("user_id", "what", "rating")));
    assertEquals(
        "f.csv line 1: found no rating column among user_id, item_id, liked; name it"
            + " with --set ingest.rating_col=NAME",
        failure(List.of("user_id", "item_id", "liked")));
  }

  @Test
  void explicitColumnsWinAndAreNotCandidatesForOtherRoles() {
    DetectedColumns found =
        ColumnDetector.detect(
            "f.csv",
            List.of("user_id", "customer_id", "item_id", "score", "rating"),
            Map.of(
                ColumnRole.USER,
                ColumnRef.named("customer_id"),
                ColumnRole.RATING,
                ColumnRef.at(3)),
            detail -> new DataFormatException("f.csv", 1, detail));
    assertEquals(1, found.user());
    assertEquals(3, found.rating());
    assertEquals(2, found.item());
    DetectedColumns given =
        ColumnDetector.detect(
            "f.csv",
            List.of("a", "b", "c", "d"),
            Map.of(
                ColumnRole.USER,
                ColumnRef.named("A"),
                ColumnRole.ITEM,
                ColumnRef.named("b"),
                ColumnRole.RATING,
                ColumnRef.named("c"),
                ColumnRole.TIMESTAMP,
                ColumnRef.at(3)),
            detail -> new DataFormatException("f.csv", 1, detail));
    assertEquals(
        List.of(0, 1, 2, 3),
        List.of(given.user(), given.item(), given.rating(), given.timestamp()));
    assertNull(given.notice());
    assertEquals(
        "f.csv line 1: expected distinct columns, found 'a' as both user_id"
            + " (ingest.user_col) and timestamp (ingest.timestamp_col)",
        assertThrows(
                DataFormatException.class,
                () ->
                    ColumnDetector.detect(
                        "f.csv",
                        List.of("a", "item", "rating"),
                        Map.of(
                            ColumnRole.USER,
                            ColumnRef.named("a"),
                            ColumnRole.TIMESTAMP,
                            ColumnRef.at(0)),
                        detail -> new DataFormatException("f.csv", 1, detail)))
            .getMessage());
    assertEquals(
        "f.csv line 1: expected a column named 'who' (ingest.user_col) in the header,"
            + " found a, item, rating",
        assertThrows(
                DataFormatException.class,
                () ->
                    ColumnDetector.detect(
                        "f.csv",
                        List.of("a", "item", "rating"),
                        Map.of(ColumnRole.USER, ColumnRef.named("who")),
                        detail -> new DataFormatException("f.csv", 1, detail)))
            .getMessage());
  }

  @Test
  void bigQueryTutorialCsvJustWorks(@TempDir Path tmp) throws IOException {
    Path file =
        Fixtures.utf8(
            tmp.resolve("bq.csv"),
            "user_id,item_id,rating,timestamp\n"
                + "1,10,4.5,2000-12-31 22:12:40 UTC\n2,10,1,2001-01-01 00:00:00.5 UTC\n");
    Dataset dataset = DatasetReader.read(file);
    assertEquals("1 10 4.5 978300760\n2 10 1.0 978307200\n", Fixtures.rows(dataset));
    assertEquals(
        List.of(
            "columns detected in "
                + file
                + ": user_id=user_id, item_id=item_id,"
                + " rating=rating, timestamp=timestamp (override with --set ingest.user_col=…)"),
        dataset.notes().notices());
    assertEquals(true, dataset.notes().timestamps());
  }

  @Test
  void amazonStyleHeaderWithExtraColumnsAndMixedCase(@TempDir Path tmp) throws IOException {
    Path file =
        Fixtures.utf8(
            tmp.resolve("reviews.csv"),
            "reviewerID,asin,reviewerName,"
                + "overall,summary,unixReviewTime\nA3SGXH7AUHU8GW,B001E4KFG0,\"delmartian\",5.0,"
                + "\"Good, really\",1303862400\n");
    assertEquals(
        "A3SGXH7AUHU8GW B001E4KFG0 5.0 1303862400\n", Fixtures.rows(DatasetReader.read(file)));
  }

  @Test
  void fileWithoutKnownNamesFailsWithTheFix(@TempDir Path tmp) throws IOException {
    Path file = Fixtures.utf8(tmp.resolve("odd.csv"), "who,what,how\nu,i,3\n");
    assertEquals(
        file
            + " line 1: found no user_id column among who, what, how; name it with"
            + " --set ingest.user_col=NAME",
        assertThrows(DataFormatException.class, () -> DatasetReader.read(file)).getMessage());
    Dataset mapped =
        DatasetReader.read(
            file,
            DelimitedOptions.csv()
                .withUserColumn("who")
                .withItemColumn("what")
                .withRatingColumn("how"));
    assertEquals("u i 3.0 0\n", Fixtures.rows(mapped));
    assertEquals(List.of(), mapped.notes().notices());
  }
}

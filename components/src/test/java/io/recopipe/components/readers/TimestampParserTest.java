package io.recopipe.components.readers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every accepted time form, the per-column seconds/milliseconds rule, and what is refused. */
class TimestampParserTest {
  private static final long NEW_YEAR_2001 = 978_307_200L;

  private static long parse(String text) {
    return new TimestampParser().parse(text);
  }

  @Test
  void isoAndBigQueryForms() {
    assertEquals(NEW_YEAR_2001, parse("2001-01-01"));
    assertEquals(NEW_YEAR_2001, parse("2001-01-01T00:00:00Z"));
    assertEquals(NEW_YEAR_2001, parse("2001-01-01T00:00Z"));
    assertEquals(NEW_YEAR_2001, parse("2001-01-01 00:00:00"));
    assertEquals(NEW_YEAR_2001 + 1, parse("2001-01-01T00:00:01.999Z"));
    assertEquals(NEW_YEAR_2001, parse("2001-01-01T02:00:00+02:00"));
    assertEquals(NEW_YEAR_2001, parse("2000-12-31T19:00:00-0500"));
    assertEquals(NEW_YEAR_2001, parse("2001-01-01 05:30:00 +05:30"));
    assertEquals(978_300_760L, parse("2000-12-31 22:12:40 UTC"));
    assertEquals(978_300_760L, parse("2000-12-31 22:12:40.123456 UTC"));
    assertEquals(978_300_760L, parse(" 2000-12-31 22:12:40+00 "));
  }

  @Test
  void epochSecondsAndMillisecondsAreDecidedPerColumn() {
    TimestampParser seconds = new TimestampParser();
    assertEquals(978_300_760L, seconds.parse("978300760"));
    assertFalse(seconds.millis());
    assertEquals(5L, seconds.parse("5"));
    TimestampParser millis = new TimestampParser();
    assertEquals(978_300_760L, millis.parse("978300760123"));
    assertTrue(millis.millis());
    assertEquals(1L, millis.parse("1999"));
    assertEquals(
        TimestampParser.MILLIS_FROM / 1000,
        new TimestampParser().parse(Long.toString(TimestampParser.MILLIS_FROM)));
    assertEquals(
        TimestampParser.MILLIS_FROM - 1,
        new TimestampParser().parse(Long.toString(TimestampParser.MILLIS_FROM - 1)));
  }

  @Test
  void refusesWhatIsNoTime() {
    for (String bad :
        List.of(
            "",
            "yesterday",
            "2001-13-01",
            "2001-02-30",
            "2001-01-01T25:00:00",
            "2001-01-01T10",
            "2001-01-01T10:00:00PST",
            "01/02/2001",
            "2001-01-01T10:00:00.",
            "2001-01-01 10:00:00 UTC+1",
            "12.5")) {
      assertEquals(TimestampParser.INVALID, parse(bad), bad);
    }
  }

  @Test
  void filesReadEachFormAndNameABadOneWithItsColumn(@TempDir Path tmp) throws IOException {
    Path millis =
        Fixtures.utf8(
            tmp.resolve("ms.csv"),
            "user_id,item_id,rating,event_time\nu,a,1,978300760000\nu,b,2,978300761500\n");
    assertEquals(
        "u a 1.0 978300760\nu b 2.0 978300761\n", Fixtures.rows(DatasetReader.read(millis)));
    Path iso =
        Fixtures.utf8(
            tmp.resolve("iso.tsv"),
            "user\titem\trating\tdate\nu\ta\t1\t2001-01-01\nu\tb\t2\t2001-01-01T00:00:10+00:00\n");
    assertEquals("u a 1.0 978307200\nu b 2.0 978307210\n", Fixtures.rows(DatasetReader.read(iso)));
    Path bad =
        Fixtures.utf8(
            tmp.resolve("bad.csv"),
            "user_id,item_id,rating,timestamp\nu,a,1,2001-01-01\nu,b,2,31/12/2000\n");
    assertEquals(
        bad
            + " line 3, column 4 (timestamp): expected a timestamp in epoch seconds or"
            + " milliseconds, an ISO-8601 date or time, or '2000-12-31 22:12:40 UTC', found"
            + " '31/12/2000'",
        assertThrows(DataFormatException.class, () -> DatasetReader.read(bad)).getMessage());
  }

  @Test
  void noTimestampColumnIsFine(@TempDir Path tmp) throws IOException {
    Path file = Fixtures.utf8(tmp.resolve("n.csv"), "user_id,item_id,rating\nu,a,1\nu,a,2\n");
    Dataset dataset = DatasetReader.read(file);
    assertEquals("u a 2.0 0\n", Fixtures.rows(dataset));
    assertFalse(dataset.notes().timestamps());
  }
}

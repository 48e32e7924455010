package io.recopipe.model.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OptionReaderTest {
  private static final Option<Integer> TRIALS =
      Option.of("num_trials", OptionType.INTEGER, 1, "trials").in(Range.closed(1, 100));
  private static final Option<Double> FRACTION =
      Option.of("fraction", OptionType.NUMBER, 0.1, "share").in(Range.above(0, 0.5));
  private static final Option<Double> WEIGHT =
      Option.of("l2_reg", OptionType.NUMBER, 1.0, "λ").in(Range.above(0, 1e6));
  private static final Option<Integer> FACTORS =
      Option.of("num_factors", OptionType.INTEGER, (Integer) null, "k")
          .orAuto()
          .in(Range.closed(2, 200).because("BigQuery ML's range"));

  @Test
  void unsetOptionsKeepTheirDefaultsAndGoodOnesAreRead() {
    OptionReader reader =
        OptionReader.of(Map.of("num_trials", " 7 "), Wording.mustBe(""), OptionReader.Text.TRIMMED);
    assertEquals(7, reader.get(TRIALS));
    assertEquals(0.1, reader.get(FRACTION));
    assertEquals(List.of(), reader.problems());
  }

  @Test
  void mustBeWordingNamesTheRangeAndTheTextForBadAndOutOfRangeValues() {
    OptionReader reader =
        OptionReader.of(
            Map.of("num_trials", "101", "fraction", "0.9"),
            Wording.mustBe("tune: "),
            OptionReader.Text.AS_GIVEN);
    assertEquals(1, reader.get(TRIALS), "the default after a problem");
    reader.get(FRACTION);
    assertEquals(
        List.of(
            "tune: num_trials must be an integer in 1..100, was '101'",
            "tune: fraction must be a number in (0, 0.5], was '0.9'"),
        reader.problems());
    OptionReader bad =
        OptionReader.of(
            Map.of("num_trials", "many"), Wording.mustBe(""), OptionReader.Text.AS_GIVEN);
    bad.get(TRIALS);
    assertEquals(List.of("num_trials must be an integer in 1..100, was 'many'"), bad.problems());
  }

  @Test
  void expectedWordingQuotesUnreadableTextAndShowsOutOfRangeValues() {
    Option<Long> perUser =
        Option.of("eval_per_user", OptionType.LONG, 1L, "n").in(Range.closed(1, 1_000_000));
    Option<Double> share =
        Option.of("eval_fraction", OptionType.FINITE, 0.1, "share").in(Range.open(0, 1));
    OptionReader reader =
        OptionReader.of(
            Map.of("eval_per_user", "0", "eval_fraction", "2", "header", "yes", "blank", " "),
            Wording.expected("ingest."),
            OptionReader.Text.BLANK_IS_UNSET);
    reader.get(perUser);
    reader.get(share);
    assertEquals(Optional.empty(), reader.find(Option.of("header", OptionType.BOOLEAN, null, "")));
    assertEquals(Optional.empty(), reader.text("blank"), "blank counts as unset");
    reader.require(Option.of("source", OptionType.text("a path"), null, ""));
    assertEquals(
        List.of(
            "ingest.eval_per_user: expected an integer in 1..1000000, found 0",
            "ingest.eval_fraction: expected a number in (0, 1), found 2",
            "ingest.header: expected true or false, found 'yes'",
            "ingest.source: expected a path, found nothing"),
        reader.problems());
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> reader.failOnFirst(IllegalStateException::new));
    assertEquals(
        "ingest.eval_per_user: expected an integer in 1..1000000, found 0", e.getMessage());
  }

  @Test
  void cannotReadWordingChecksTypedValuesWithCompactBounds() {
    OptionReader reader =
        OptionReader.of(Map.of(), Wording.cannotRead(), OptionReader.Text.TRIMMED);
    reader.parse(FACTORS, "auto", value -> assertNull(value));
    reader.parse(
        FACTORS,
        "ten",
        value -> {
          throw new AssertionError("not readable");
        });
    reader.check(FACTORS, 500);
    reader.check(FACTORS, null);
    reader.check(WEIGHT, 0.0);
    reader.check(WEIGHT, Double.NaN);
    assertEquals(
        List.of(
            "option num_factors: cannot read 'ten' as an integer",
            "num_factors must be in 2..200 (BigQuery ML's range), was 500",
            "l2_reg must be a number > 0 and <= 1e6, was 0.0",
            "l2_reg must be a number > 0 and <= 1e6, was NaN"),
        reader.problems());
  }

  @Test
  void conditionsSayWhenAnOptionApplies() {
    Option<String> mode = Option.of("mode", OptionType.oneOf("plain", "weighted"), "plain", "");
    Option<Double> exponent =
        Option.of("exponent", OptionType.NUMBER, 1.0, "").onlyWhen(mode, "weighted");
    assertTrue(exponent.appliesWith(option -> "weighted"));
    assertTrue(!exponent.appliesWith(option -> "plain"));
    assertTrue(mode.appliesWith(option -> null));
    assertEquals("weighted", mode.parse("WEIGHTED"));
  }
}

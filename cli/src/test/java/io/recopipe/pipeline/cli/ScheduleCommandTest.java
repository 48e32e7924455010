package io.recopipe.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code recopipe schedule} through the real CLI: bad input, add, list, pause, resume, remove. */
class ScheduleCommandTest {
  @TempDir Path dir;

  private CliRunner.Result schedule(String... args) {
    String[] full = new String[args.length + 3];
    full[0] = "schedule";
    System.arraycopy(args, 0, full, 1, args.length);
    full[args.length + 1] = "--home";
    full[args.length + 2] = dir.resolve("home").toString();
    return CliRunner.run(full);
  }

  @Test
  void badInputExitsTwoWithOneLineNamingTheFields() {
    CliRunner.Result bad =
        schedule(
            "add",
            "nightly",
            "--cron",
            "0 25 * * *",
            "--zone",
            "Nowhere/City",
            "--overlap",
            "always");
    assertEquals(ExitCodes.BAD_INPUT, bad.code(), bad.out() + bad.err());
    assertEquals(1, bad.err().lines().count(), bad.err());
    assertTrue(
        bad.err().contains("cron '0 25 * * *'")
            && bad.err().contains("zone 'Nowhere/City'")
            && bad.err().contains("overlap 'always'"),
        bad.err());
    CliRunner.Result unknown = schedule("pause", "nightly");
    assertEquals(ExitCodes.BAD_INPUT, unknown.code());
    assertTrue(unknown.err().contains("no schedule nightly"), unknown.err());
  }

  @Test
  void addsListsPausesResumesAndRemoves() {
    CliRunner.Result added =
        schedule(
            "add",
            "nightly",
            "--cron",
            "0 3 * * *",
            "--zone",
            "Europe/Berlin",
            "--catch-up",
            "latest",
            "--set",
            "train.method=als",
            "--set",
            "train.max_iterations=5");
    assertEquals(ExitCodes.OK, added.code(), added.out() + added.err());
    assertTrue(
        added
            .out()
            .matches(
                "(?s)added schedule nightly .*next firing \\d{4}-\\d\\d-\\d\\d" + " 03:00 CES?T.*"),
        added.out());

    CliRunner.Result list = schedule("list");
    assertTrue(
        list.out().contains("nightly")
            && list.out().contains("Europe/Berlin")
            && list.out().contains("latest")
            && list.out().contains("03:00")
            && list.out().contains("--set train.max_iterations=5"),
        list.out());

    assertEquals(ExitCodes.OK, schedule("pause", "nightly").code());
    assertTrue(schedule("list").out().contains("paused"));
    CliRunner.Result resumed = schedule("resume", "nightly");
    assertTrue(resumed.out().contains("resumed schedule nightly, next firing"), resumed.out());
    assertTrue(schedule("history", "nightly").out().contains("(0 rows)"));
    assertEquals(ExitCodes.OK, schedule("remove", "nightly").code());
    assertTrue(schedule("list").out().contains("(0 rows)"));
  }
}

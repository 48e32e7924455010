package io.recopipe.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The README's command table and exit codes are what {@code ./recopipe --help} shows: a command
 * added, renamed or dropped in one place and not the other fails here.
 */
class ReadmeMatchesHelpTest {
  private static final Pattern COMMAND = Pattern.compile("`\\./recopipe ([a-z]+)");
  private static final Pattern BENCH_ROW =
      Pattern.compile("^\\| `\\./recopipe bench ([a-z\\\\| ]+)`");

  @Test
  void everyCommandInHelpIsInTheReadmeTableAndBack() throws IOException {
    Set<String> documented = new TreeSet<>();
    for (String line : commandTable()) {
      int firstColumnEnd = line.indexOf("` | ");
      if (!line.startsWith("| `") || firstColumnEnd < 0) {
        continue;
      }
      Matcher command = COMMAND.matcher(line.substring(0, firstColumnEnd));
      while (command.find()) {
        documented.add(command.group(1));
      }
    }
    Set<String> inHelp = new TreeSet<>(cli().getSubcommands().keySet());
    inHelp.remove("help");
    assertEquals(inHelp, documented, "README's command table vs ./recopipe --help");
  }

  @Test
  void everyBenchmarkIsListed() throws IOException {
    Set<String> documented = new TreeSet<>();
    for (String line : commandTable()) {
      Matcher row = BENCH_ROW.matcher(line);
      if (row.find()) {
        for (String name : row.group(1).split("\\\\\\|")) {
          documented.add(name.trim());
        }
      }
    }
    Set<String> inHelp =
        new TreeSet<>(cli().getSubcommands().get("bench").getSubcommands().keySet());
    inHelp.remove("help");
    assertEquals(inHelp, documented, "README's `bench` row vs ./recopipe bench --help");
  }

  @Test
  void everyExitCodeIsExplained() throws Exception {
    String commands = String.join("\n", commandTable());
    for (Field field : ExitCodes.class.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == int.class) {
        int code = field.getInt(null);
        assertTrue(
            commands.contains("`" + code + "`"),
            "README's Commands section does not explain exit code "
                + code
                + " ("
                + field.getName()
                + ")");
      }
    }
  }

  private static CommandLine cli() {
    return Main.commandLine();
  }

  private static List<String> commandTable() throws IOException {
    List<String> lines = Files.readAllLines(readme());
    int start = lines.indexOf("## Commands");
    assertTrue(start >= 0, "README has a '## Commands' section");
    int end = start + 1;
    while (end < lines.size() && !lines.get(end).startsWith("## ")) {
      end++;
    }
    return lines.subList(start, end);
  }

  private static Path readme() {
    Path here = Path.of("").toAbsolutePath();
    for (Path dir = here; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("README.md");
      if (Files.exists(candidate) && Files.exists(dir.resolve("pipeline"))) {
        return candidate;
      }
    }
    throw new IllegalStateException("README.md not found above " + here);
  }
}

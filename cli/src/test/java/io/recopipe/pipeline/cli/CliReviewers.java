package io.recopipe.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds reviewers through the real CLI and keeps the token it prints once, because every end-to-end
 * review test starts with a reviewer or two and needs their tokens in files.
 */
public final class CliReviewers {
  private CliReviewers() {}

  /**
   * Adds {@code name} to {@code home} and writes its token to {@code dir/NAME.token}: the home's
   * first reviewer needs no admin; later ones pass one's token ({@code admin}, e.g. {@code
   * --token-file FILE}).
   */
  public static Path add(Path home, Path dir, String name, String... admin) throws IOException {
    List<String> args =
        new ArrayList<>(List.of("reviewers", "add", name, "--home", home.toString()));
    args.addAll(List.of(admin));
    CliRunner.Result added = CliRunner.run(args.toArray(String[]::new));
    assertEquals(ExitCodes.OK, added.code(), added.transcript());
    return Files.writeString(dir.resolve(name + ".token"), token(added));
  }

  /** The token {@code reviewers add} printed (once) in {@code added}. */
  public static String token(CliRunner.Result added) {
    return added
        .out()
        .lines()
        .filter(l -> l.startsWith("token: "))
        .findFirst()
        .orElseThrow()
        .substring("token: ".length());
  }
}

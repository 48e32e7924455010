package io.recopipe.infra.vertex;

import io.recopipe.model.error.InvalidInputException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Pipeline job ids: Vertex accepts only {@code [a-z0-9-]} under 128 characters, and a readable
 * {@code PIPELINE-yyyyMMdd-HHmmss} id lets a user find the job from the submit output.
 */
public final class JobIds {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private JobIds() {}

  /** The id of a job of {@code pipeline} submitted at {@code at}. */
  public static String of(String pipeline, Instant at) {
    String base = pipeline.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    String id = base + "-" + STAMP.format(at);
    return id.length() > 127 ? id.substring(id.length() - 127) : id;
  }

  /** Checks {@code id} against Vertex's rule; the message names the id and the rule. */
  public static String require(String id) {
    if (id == null || !id.matches("[a-z0-9-]{1,127}")) {
      throw new InvalidInputException(
          "pipeline job id '" + id + "' must be 1-127 " + "lower-case letters, digits or hyphens");
    }
    return id;
  }
}

package io.recopipe.pipeline.runner;

import io.recopipe.components.api.Component;
import io.recopipe.pipeline.artifacts.StoredArtifact;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * A step's cache key: SHA-256 over the component's name and version, each input artifact's content
 * hash by port and the step's parameters, all sorted, so that equal keys mean equal work and any
 * change in code version, data or configuration is a miss.
 */
public final class CacheKey {
  private CacheKey() {}

  /** The key of running {@code component} on {@code inputs} with {@code parameters}. */
  public static String of(
      Component component, Map<String, StoredArtifact> inputs, Map<String, String> parameters) {
    StringBuilder text = new StringBuilder();
    line(text, "component", component.name());
    line(text, "version", component.version());
    new TreeMap<>(inputs)
        .forEach((port, artifact) -> line(text, "input." + port, artifact.sha256()));
    new TreeMap<>(parameters).forEach((name, value) -> line(text, "param." + name, value));
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(digest.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** Writes one field length-prefixed, so no value can imitate another field. */
  private static void line(StringBuilder text, String name, String value) {
    String v = value == null ? "" : value;
    text.append(name.length())
        .append(':')
        .append(name)
        .append('=')
        .append(v.length())
        .append(':')
        .append(v)
        .append('\n');
  }
}

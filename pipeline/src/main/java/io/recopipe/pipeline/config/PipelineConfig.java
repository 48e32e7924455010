package io.recopipe.pipeline.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pipeline's parameters as one flat map of dotted keys ({@code train.num_factors} → "198"), read
 * from YAML with {@code --set} overrides on top: flat keys are what cache keys hash and what a
 * Vertex AI run takes as pipeline parameters, so both profiles see the same values.
 *
 * <p>Configs layer: {@link #layered} puts a user's file over the shipped one (a key in the file
 * replaces the shipped key, sections merge key by key) and {@link #with} puts {@code --set} on top,
 * so a file only needs the keys it changes. A key given twice in one YAML mapping is an error
 * naming its line and column, never a silent last-one-wins.
 */
public final class PipelineConfig {
  /** The documented default shipped with recopipe (also at {@code pipeline/movielens-mf.yaml}). */
  public static final String DEFAULT_RESOURCE = "movielens-mf.yaml";

  /**
   * Top-level scalars that stand for one key of a section: {@code promotion: review} is short for
   * {@code promotion: {policy: review}} (also as {@code --set promotion=review}).
   */
  static final Map<String, String> SHORTHANDS = Map.of("promotion", "promotion.policy");

  private final String source;
  private final Map<String, String> values;

  private PipelineConfig(String source, Map<String, String> values) {
    this.source = source;
    this.values = Collections.unmodifiableMap(values);
  }

  /** The shipped default config. */
  public static PipelineConfig defaults() {
    try (InputStream in = PipelineConfig.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the default config " + DEFAULT_RESOURCE + " is missing");
      }
      return parse(
          "built-in " + DEFAULT_RESOURCE,
          new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * The shipped config with {@code file} layered over it (when not null) and {@code overrides} on
   * top; values are not checked here (see {@link ConfigValidator}).
   */
  public static PipelineConfig layered(Path file, Map<String, String> overrides) {
    PipelineConfig config = defaults();
    if (file != null) {
      config = config.over(load(file));
    }
    return config.with(overrides == null ? Map.of() : overrides);
  }

  /** This config with {@code layer}'s keys replacing or adding to its own. */
  public PipelineConfig over(PipelineConfig layer) {
    Map<String, String> merged = new LinkedHashMap<>(values);
    merged.putAll(layer.values);
    return new PipelineConfig(source + " + " + layer.source, merged);
  }

  /** Reads a config file; a missing or malformed file is a one-line {@link ConfigException}. */
  public static PipelineConfig load(Path file) {
    try {
      return parse(file.toString(), Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new ConfigException("config " + file + ": no such file");
    } catch (IOException e) {
      throw new ConfigException("config " + file + ": cannot read: " + e.getMessage());
    }
  }

  /** Parses YAML text; {@code source} names it in error messages. */
  public static PipelineConfig parse(String source, String yaml) {
    JsonNode root;
    try {
      root =
          new ObjectMapper(new YAMLFactory())
              .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
              .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
              .readTree(yaml);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      if (e.getProcessor() instanceof JsonParser parser
          && parser.currentTokenLocation() != null
          && parser.currentTokenLocation().getLineNr() > 0) {
        at = parser.currentTokenLocation(); // where the offending key starts, not where it ends
      }
      String where = at == null ? "" : " line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new ConfigException("config " + source + where + ": " + e.getOriginalMessage());
    }
    Map<String, String> flat = new LinkedHashMap<>();
    if (root != null && !root.isNull() && !root.isMissingNode()) {
      if (!root.isObject()) {
        throw new ConfigException(
            "config "
                + source
                + ": expected a mapping of sections "
                + "(ingest, train, evaluate, gate, export), found "
                + root.getNodeType());
      }
      flatten("", root, flat, source);
    }
    return new PipelineConfig(source, flat);
  }

  private static void flatten(
      String prefix, JsonNode node, Map<String, String> out, String source) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String key = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
      JsonNode value = field.getValue();
      if (prefix.isEmpty() && SHORTHANDS.containsKey(key) && value.isValueNode()) {
        key = SHORTHANDS.get(key);
      }
      if (value.isObject()) {
        flatten(key, value, out, source);
      } else if (value.isArray()) {
        List<String> items = new ArrayList<>();
        value.forEach(item -> items.add(item.asText()));
        out.put(key, String.join(",", items));
      } else if (!value.isNull()) {
        out.put(key, value.asText());
      }
    }
  }

  /**
   * Returns this config with {@code overrides} ({@code section.key=value}) applied; an override
   * without a section is refused, since every parameter belongs to a step.
   */
  public PipelineConfig with(Map<String, String> overrides) {
    if (overrides.isEmpty()) {
      return this;
    }
    Map<String, String> merged = new LinkedHashMap<>(values);
    for (Map.Entry<String, String> entry : overrides.entrySet()) {
      String key = SHORTHANDS.getOrDefault(entry.getKey().trim(), entry.getKey().trim());
      if (key.indexOf('.') <= 0 || key.endsWith(".")) {
        throw new ConfigException(
            "--set "
                + key
                + "="
                + entry.getValue()
                + ": expected SECTION.KEY=VALUE, e.g. train.num_factors=50");
      }
      merged.put(key, entry.getValue());
    }
    return new PipelineConfig(source + " + --set", merged);
  }

  /** Every parameter as a flat map of dotted keys, in file order then override order. */
  public Map<String, String> values() {
    return values;
  }

  /** Where the config came from (its layers), for messages. */
  public String source() {
    return source;
  }
}

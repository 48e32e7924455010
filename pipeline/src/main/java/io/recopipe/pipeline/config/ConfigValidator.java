package io.recopipe.pipeline.config;

import io.recopipe.components.api.Component;
import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.UnknownKeysException;
import io.recopipe.infra.config.GcpConfig;
import io.recopipe.infra.config.GcpConfigException;
import io.recopipe.pipeline.dsl.Pipeline;
import io.recopipe.pipeline.dsl.Step;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks every key and value of a resolved config against a pipeline before anything is recorded,
 * so a typo or an out-of-range value costs the user one message, not a FAILED run after an hour.
 *
 * <p>What it checks: every section is a step of the pipeline or one of the runner's own ({@value
 * #PROMOTION}, {@value #GCP}), with a "did you mean" for a near miss; each step's keys and values
 * through {@link Component#validate} (the very parse the step runs with, so the check and the step
 * never disagree), plus the runner's {@code STEP.cache}; {@code promotion.*}; {@code gcp.*} keys
 * always and their values when the gcp profile is on; the Vertex tasks' {@code resources}; and
 * combinations across sections. Problems are collected across sections (and, when a section has
 * unknown keys, its remaining values are checked too) and thrown together in one {@link
 * ConfigException} line.
 */
public final class ConfigValidator {
  /** The runner's promotion section (see {@link PromotionPolicy}). */
  public static final String PROMOTION = "promotion";

  /** The gcp profile's section (see {@link GcpConfig}). */
  public static final String GCP = GcpConfig.SECTION;

  /** The key {@code --profile gcp} records on a run; not the user's to set, but accepted. */
  private static final String GCP_ENABLED = "enabled";

  private final Pipeline pipeline;

  /** A validator for configs of {@code pipeline}. */
  public ConfigValidator(Pipeline pipeline) {
    this.pipeline = pipeline;
  }

  /**
   * Returns {@code config} when it is valid for the pipeline.
   *
   * @param gcpProfile whether the gcp profile will read the {@code gcp} section's values
   * @throws ConfigException listing every problem, one line
   */
  public PipelineConfig validate(PipelineConfig config, boolean gcpProfile) {
    List<String> problems = problems(config.values(), gcpProfile);
    if (!problems.isEmpty()) {
      throw new ConfigException(config.source(), problems);
    }
    return config;
  }

  /** Every problem of {@code values}, in section order; empty when the config is valid. */
  public List<String> problems(Map<String, String> values, boolean gcpProfile) {
    List<String> problems = new ArrayList<>(sectionProblems(values));
    for (Step step : pipeline.steps()) {
      problems.addAll(stepProblems(step, values));
    }
    problems.addAll(keyProblems(PROMOTION, values, PromotionPolicy.KEYS));
    problems.addAll(PromotionPolicy.problems(values));
    Set<String> gcpKeys = new HashSet<>(GcpConfig.KEYS);
    gcpKeys.add(GCP_ENABLED);
    problems.addAll(keyProblems(GCP, values, gcpKeys));
    if (gcpProfile) {
      gcpProblems(values).ifPresent(problems::add);
    }
    problems.addAll(
        TaskResources.problems(values, pipeline.steps().stream().map(Step::name).toList()));
    problems.addAll(CrossSectionRules.problems(values));
    return problems;
  }

  private List<String> sectionProblems(Map<String, String> values) {
    Set<String> known = new HashSet<>(List.of(PROMOTION, GCP, TaskResources.SECTION));
    pipeline.steps().forEach(step -> known.add(step.name()));
    Set<String> unknown = new TreeSet<>();
    for (String key : values.keySet()) {
      int dot = key.indexOf('.');
      unknown.add(dot < 0 ? key : key.substring(0, dot));
    }
    unknown.removeAll(known);
    List<String> problems = new ArrayList<>();
    for (String section : unknown) {
      problems.add(UnknownKeysException.describe("", section, known, "section"));
    }
    return problems;
  }

  /**
   * The step's problems: its component's own check, run a second time without the unknown keys so a
   * typo does not hide a bad value next to it. Keys outside any section are left out: the section
   * check reports them once, not once per step.
   */
  private static List<String> stepProblems(Step step, Map<String, String> values) {
    List<String> problems = new ArrayList<>();
    Map<String, String> sectioned = new TreeMap<>(values);
    sectioned.keySet().removeIf(key -> key.indexOf('.') < 0);
    Map<String, String> parameters = new TreeMap<>(StepParameterView.of(step.name(), sectioned));
    for (int attempt = 0; attempt < 2; attempt++) {
      try {
        step.component().validate(parameters);
        break;
      } catch (UnknownKeysException e) {
        problems.add(e.getMessage());
        e.keys().forEach(parameters::remove);
      } catch (ComponentException | RuntimeException e) {
        problems.add(prefixed(step.name(), e.getMessage()));
        break;
      }
    }
    try {
      StepParameterView.cacheDisabled(step.name(), values);
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
    return problems;
  }

  private static List<String> keyProblems(
      String section, Map<String, String> values, Set<String> known) {
    Map<String, String> keys = new HashMap<>();
    values.forEach(
        (key, value) -> {
          if (key.startsWith(section + ".")) {
            keys.put(key.substring(section.length() + 1), value);
          }
        });
    try {
      UnknownKeysException.requireKnown(section, keys, known, "key");
      return List.of();
    } catch (UnknownKeysException e) {
      return List.of(e.getMessage());
    }
  }

  private static Optional<String> gcpProblems(Map<String, String> values) {
    String source = "gcp";
    try {
      GcpConfig.from(values, source);
      return Optional.empty();
    } catch (GcpConfigException e) {
      String prefix = "config " + source + ": ";
      String message = e.getMessage();
      return Optional.of(message.startsWith(prefix) ? message.substring(prefix.length()) : message);
    }
  }

  /** {@code message}, starting with the step's name when it does not name it already. */
  private static String prefixed(String step, String message) {
    String text = message == null ? "invalid parameters" : message;
    return text.startsWith(step + ":") || text.startsWith(step + ".") ? text : step + ": " + text;
  }
}

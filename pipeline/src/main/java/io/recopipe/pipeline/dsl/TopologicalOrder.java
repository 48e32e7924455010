package io.recopipe.pipeline.dsl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders steps so that each comes after the steps it reads from (inputs and conditions), picking
 * among ready steps by declaration order so that the same definition always runs in the same order;
 * reports the steps caught in a cycle.
 */
public final class TopologicalOrder {
  private TopologicalOrder() {}

  /** The names of the steps {@code step} depends on (through inputs or its condition). */
  public static Set<String> upstreamOf(Step step) {
    Set<String> upstream = new LinkedHashSet<>();
    step.inputs().values().forEach(ref -> upstream.add(ref.step()));
    step.condition().ifPresent(c -> upstream.add(c.source().step()));
    return upstream;
  }

  /**
   * The execution order of {@code steps}; adds a problem to {@code problems} when some steps form a
   * cycle (dependencies on unknown steps are ignored here, the validator reports them).
   */
  static List<Step> of(List<Step> steps, List<String> problems) {
    Map<String, Step> remaining = new LinkedHashMap<>();
    for (Step step : steps) {
      if (step.name() != null) {
        remaining.putIfAbsent(step.name(), step);
      }
    }
    Set<String> known = new LinkedHashSet<>(remaining.keySet());
    List<Step> order = new ArrayList<>();
    Set<String> done = new LinkedHashSet<>();
    boolean progressed = true;
    while (!remaining.isEmpty() && progressed) {
      progressed = false;
      for (Step step : remaining.values()) {
        if (ready(step, known, done)) {
          order.add(step);
          done.add(step.name());
          remaining.remove(step.name());
          progressed = true;
          break;
        }
      }
    }
    if (!remaining.isEmpty()) {
      problems.add("steps " + remaining.keySet() + " are in or after a dependency cycle");
    }
    return order;
  }

  private static boolean ready(Step step, Set<String> known, Set<String> done) {
    for (String upstream : upstreamOf(step)) {
      if (known.contains(upstream) && !done.contains(upstream)) {
        return false;
      }
    }
    return true;
  }
}

package io.recopipe.pipeline.insight;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Places a run's steps in columns by topological depth (a step sits one column right of its deepest
 * upstream step) and rows in the given order, so the DAG reads left to right in execution order;
 * upstream names that are not steps of the run are ignored.
 */
final class DagLayout {
  private final Map<String, Integer> depth = new LinkedHashMap<>();
  private final Map<String, Integer> row = new HashMap<>();
  private final List<Integer> columnSizes = new ArrayList<>();

  private DagLayout() {}

  /**
   * Lays out {@code nodes}.
   *
   * @throws IllegalArgumentException when two nodes share a name or the steps form a cycle
   */
  static DagLayout of(List<DagNode> nodes) {
    Map<String, DagNode> byName = new LinkedHashMap<>();
    for (DagNode node : nodes) {
      if (byName.put(node.step(), node) != null) {
        throw new IllegalArgumentException("step '" + node.step() + "' appears twice");
      }
    }
    DagLayout layout = new DagLayout();
    for (DagNode node : nodes) {
      layout.depthOf(node, byName, new ArrayList<>());
    }
    for (DagNode node : nodes) {
      int column = layout.depth.get(node.step());
      while (layout.columnSizes.size() <= column) {
        layout.columnSizes.add(0);
      }
      layout.row.put(node.step(), layout.columnSizes.get(column));
      layout.columnSizes.set(column, layout.columnSizes.get(column) + 1);
    }
    return layout;
  }

  private int depthOf(DagNode node, Map<String, DagNode> byName, List<String> path) {
    Integer known = depth.get(node.step());
    if (known != null) {
      return known;
    }
    if (path.contains(node.step())) {
      throw new IllegalArgumentException("the steps form a cycle: " + path + " -> " + node.step());
    }
    path.add(node.step());
    int deepest = -1;
    for (String upstream : node.upstream()) {
      DagNode parent = byName.get(upstream);
      if (parent != null) {
        deepest = Math.max(deepest, depthOf(parent, byName, path));
      }
    }
    path.remove(path.size() - 1);
    depth.put(node.step(), deepest + 1);
    return deepest + 1;
  }

  /** The column of {@code step}, from 0. */
  int column(String step) {
    return depth.get(step);
  }

  /** The row of {@code step} within its column, from 0. */
  int row(String step) {
    return row.get(step);
  }

  /** Whether {@code step} was laid out. */
  boolean has(String step) {
    return depth.containsKey(step);
  }

  /** How many columns there are. */
  int columns() {
    return columnSizes.size();
  }

  /** How many rows the fullest column has. */
  int rows() {
    return columnSizes.stream().mapToInt(Integer::intValue).max().orElse(0);
  }
}

package io.recopipe.pipeline.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The CPU and memory each pipeline task's container may use on Vertex AI, read from the config's
 * {@value #SECTION} section ({@code resources.cpu_limit} for every task, {@code
 * resources.STEP.memory_limit} for one step) over defaults that give training more, and checked
 * with the rules of KFP's {@code set_cpu_limit}/{@code set_memory_limit}, so a typo is refused
 * before a job is submitted rather than by Vertex after the steps before it have run. The local
 * runner does not read it.
 *
 * @param cpuLimit the CPU limit as Kubernetes spells it ({@code 2}, {@code 500m})
 * @param memoryLimit the memory limit ({@code 8G}, {@code 512Mi})
 */
public record TaskResources(String cpuLimit, String memoryLimit) {
  /** The config section. */
  public static final String SECTION = "resources";

  /** The key of a CPU limit. */
  public static final String CPU_LIMIT = "cpu_limit";

  /** The key of a memory limit. */
  public static final String MEMORY_LIMIT = "memory_limit";

  /** What a task gets unless the config says otherwise (Vertex: an e2-standard-2). */
  public static final TaskResources DEFAULT = new TaskResources("2", "8G");

  /** What training gets by default (Vertex: an e2-standard-4). */
  public static final TaskResources TRAIN = new TaskResources("4", "16G");

  // the patterns of kfp.dsl.PipelineTask._validate_cpu_request_limit and
  // _validate_memory_request_limit (kubeflow/pipelines sdk/python/kfp/dsl/pipeline_task.py)
  private static final Pattern CPU = Pattern.compile("([0-9]*[.])?[0-9]+m?");
  private static final Pattern MEMORY = Pattern.compile("[0-9]+(E|Ei|P|Pi|T|Ti|G|Gi|M|Mi|K|Ki)?");

  /** The resources of task {@code task} under the config {@code values}. */
  public static TaskResources of(String task, Map<String, String> values) {
    TaskResources base = "train".equals(task) ? TRAIN : DEFAULT;
    return new TaskResources(
        value(values, task, CPU_LIMIT, base.cpuLimit()),
        value(values, task, MEMORY_LIMIT, base.memoryLimit()));
  }

  private static String value(
      Map<String, String> values, String task, String key, String fallback) {
    String own = values.get(SECTION + "." + task + "." + key);
    if (own != null) {
      return own.trim();
    }
    String all = values.get(SECTION + "." + key);
    return all != null ? all.trim() : fallback;
  }

  /**
   * Every problem of the {@value #SECTION} section of {@code values}, one line each naming its key;
   * {@code tasks} are the names a per-task subsection may have.
   */
  public static List<String> problems(Map<String, String> values, Collection<String> tasks) {
    List<String> problems = new ArrayList<>();
    Set<String> keys = Set.of(CPU_LIMIT, MEMORY_LIMIT);
    values.forEach(
        (key, value) -> {
          if (!key.startsWith(SECTION + ".")) {
            return;
          }
          String[] parts = key.substring(SECTION.length() + 1).split("\\.", -1);
          String name = parts[parts.length - 1];
          boolean known =
              keys.contains(name)
                  && (parts.length == 1 || (parts.length == 2 && tasks.contains(parts[0])));
          if (!known) {
            problems.add(
                key
                    + ": unknown key (expected "
                    + SECTION
                    + "."
                    + CPU_LIMIT
                    + "|"
                    + MEMORY_LIMIT
                    + " or "
                    + SECTION
                    + ".STEP."
                    + CPU_LIMIT
                    + "|"
                    + MEMORY_LIMIT
                    + ", STEP one of "
                    + tasks
                    + ")");
          } else if (name.equals(CPU_LIMIT) && !CPU.matcher(value.trim()).matches()) {
            problems.add(
                key + ": '" + value + "' is not a CPU count (a number, or an integer and m)");
          } else if (name.equals(MEMORY_LIMIT) && !MEMORY.matcher(value.trim()).matches()) {
            problems.add(
                key
                    + ": '"
                    + value
                    + "' is not a memory size (an integer, optionally followed by one of "
                    + "E, Ei, P, Pi, T, Ti, G, Gi, M, Mi, K, Ki)");
          }
        });
    return problems;
  }

  /** The CPU limit in cores, as KFP's {@code _cpu_to_float} converts it. */
  public double cpuCores() {
    return cpuLimit.endsWith("m")
        ? Double.parseDouble(cpuLimit.substring(0, cpuLimit.length() - 1)) / 1000
        : Double.parseDouble(cpuLimit);
  }

  /** The memory limit in GB (10^9 bytes), as KFP's {@code _memory_to_float} converts it. */
  public double memoryGigabytes() {
    String[][] units = {
      {"Ei", "1152921504606846976"},
      {"Pi", "1125899906842624"},
      {"Ti", "1099511627776"},
      {"Gi", "1073741824"},
      {"Mi", "1048576"},
      {"Ki", "1024"},
      {"E", "1e18"},
      {"P", "1e15"},
      {"T", "1e12"},
      {"G", "1e9"},
      {"M", "1e6"},
      {"K", "1e3"}
    };
    for (String[] unit : units) {
      if (memoryLimit.endsWith(unit[0])) {
        double number =
            Double.parseDouble(memoryLimit.substring(0, memoryLimit.length() - unit[0].length()));
        return number * Double.parseDouble(unit[1]) / 1e9;
      }
    }
    return Double.parseDouble(memoryLimit) / 1e9;
  }
}

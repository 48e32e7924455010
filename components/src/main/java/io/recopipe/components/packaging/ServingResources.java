package io.recopipe.components.packaging;

import io.recopipe.model.error.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The serving JVM's settings (worker threads, garbage collector, heap share) derived from the cores
 * and memory a revision gets, so that the deployed endpoint runs as tuned as the benchmark and the
 * local launch, the Cloud Run revision, {@code endpoints} and the image labels all state the same
 * rule.
 *
 * <p>The rule (measured with bench/serving-e2e.sh and bench/http-stacks.sh): scoring is CPU-bound,
 * so the server runs one event loop per core, which scores single users itself, and one scoring
 * worker per core, which takes batches in arrival order so that a batch never holds an event loop's
 * other connections. The thread count passed to the server keeps the value older images (a Jetty
 * pool: a few threads per core plus each connector's acceptor and selector) need; current servers
 * only take it as a cap on their event loops. One or two cores get the serial collector (no GC
 * threads competing with the workers), more cores the parallel one; the heap is a share of the
 * memory limit that leaves room for metaspace, thread stacks and the memory-mapped model.
 *
 * @param cores the processors the revision may use
 * @param memoryBytes the memory the revision may use
 * @param dedicated whether the memory belongs to the revision alone (a container), rather than to a
 *     machine it shares with the pipeline
 */
public record ServingResources(int cores, long memoryBytes, boolean dedicated) {
  /** The file in a revision's directory stating the settings it was started with. */
  public static final String SETTINGS_FILE = "serving-settings.txt";

  /** The server's environment variable for its HTTP threads (ServingOptions reads it). */
  public static final String THREADS_ENV = "RECOPIPE_SERVING_THREADS";

  /** The server's environment variable for its scoring workers (ServingOptions reads it). */
  public static final String WORKERS_ENV = "RECOPIPE_SERVING_WORKERS";

  /**
   * The threads an older image's Jetty pool needs beyond one per core: an acceptor and a selector
   * for each of the two connectors a local revision has (its own port and the stable one).
   */
  static final int IO_THREADS = 4;

  /** Cloud Run's defaults when the deploy sets no limits: 1 vCPU, 512 MiB. */
  public static final ServingResources CLOUD_RUN_DEFAULT =
      new ServingResources(1, 512L << 20, true);

  private static final long MIB = 1L << 20;

  /** Validates the inputs. */
  public ServingResources {
    if (cores < 1 || memoryBytes < 64 * MIB) {
      throw new InvalidInputException(
          "serving needs at least 1 core and 64 MiB, got "
              + cores
              + " cores and "
              + memoryBytes / MIB
              + " MiB");
    }
  }

  /** This machine's cores and memory (the cgroup limit when one is set), shared. */
  public static ServingResources local() {
    return new ServingResources(Runtime.getRuntime().availableProcessors(), machineMemory(), false);
  }

  /**
   * The {@code --threads} value: one per core (at least two) plus the I/O threads an older image's
   * Jetty pool needs; a current server runs min(this, cores) event loops.
   */
  public int threads() {
    return Math.max(2, cores) + IO_THREADS;
  }

  /** The threads that score requests, in arrival order: one per core. */
  public int workers() {
    return cores;
  }

  /** The collector's JVM flag. */
  public String gcFlag() {
    return cores <= 2 ? "-XX:+UseSerialGC" : "-XX:+UseParallelGC";
  }

  /** The collector's short name, as {@code endpoints} and the labels show it. */
  public String gcName() {
    return cores <= 2 ? "serial" : "parallel";
  }

  /**
   * The maximum heap as a percentage of the memory limit: a container's memory is the revision's
   * own (75%, 60% below 1 GiB where the fixed overheads weigh more); on a shared machine the JVM's
   * own default share (25%).
   */
  public int heapPercent() {
    if (!dedicated) {
      return 25;
    }
    return memoryBytes < 1024 * MIB ? 60 : 75;
  }

  /** The JVM flags for the serving process (the Vector API module is added separately). */
  public List<String> jvmFlags() {
    List<String> flags = new ArrayList<>();
    flags.add(gcFlag());
    flags.add("-XX:MaxRAMPercentage=" + heapPercent());
    return flags;
  }

  /**
   * The server's arguments these settings add; {@code scoringWorkers} is false for images built
   * before their server had scoring workers, which would refuse {@code --workers}.
   */
  public List<String> serverArgs(boolean scoringWorkers) {
    return scoringWorkers
        ? List.of(
            "--threads", Integer.toString(threads()), "--workers", Integer.toString(workers()))
        : List.of("--threads", Integer.toString(threads()));
  }

  /**
   * The container environment that applies these settings to the image's unchanged entrypoint: the
   * JVM flags through {@code JAVA_TOOL_OPTIONS}, the threads through {@value #THREADS_ENV} and
   * {@value #WORKERS_ENV}.
   */
  public Map<String, String> containerEnv() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("JAVA_TOOL_OPTIONS", String.join(" ", jvmFlags()));
    env.put(THREADS_ENV, Integer.toString(threads()));
    env.put(WORKERS_ENV, Integer.toString(workers()));
    return env;
  }

  /** The memory limit in Cloud Run's notation, e.g. {@code 512Mi}. */
  public String memoryLimit() {
    return memoryBytes / MIB + "Mi";
  }

  /**
   * One line for people: {@code threads 6, scoring workers 2, GC serial, heap <= 25% of 7.8 GiB (2
   * cores)}.
   */
  public String describe() {
    return String.format(
        Locale.ROOT,
        "threads %d, scoring workers %d, GC %s, heap <= %d%% of %.1f GiB (%d %s)",
        threads(),
        workers(),
        gcName(),
        heapPercent(),
        memoryBytes / (double) (1024 * MIB),
        cores,
        cores == 1 ? "core" : "cores");
  }

  /** Records {@link #describe()} in {@code revisionDir}, for {@code endpoints}. */
  public void record(Path revisionDir) throws IOException {
    Files.writeString(revisionDir.resolve(SETTINGS_FILE), describe() + "\n");
  }

  /** The settings a revision was started with, or empty for one started before they existed. */
  public static Optional<String> recorded(Path revisionDir) {
    try {
      return Optional.of(Files.readString(revisionDir.resolve(SETTINGS_FILE)).strip());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The cgroup memory limit when set, else the machine's total memory, else 1 GiB. */
  static long machineMemory() {
    long total = memInfoTotal(Path.of("/proc/meminfo"));
    long limit = cgroupLimit(Path.of("/sys/fs/cgroup/memory.max"));
    if (limit <= 0) {
      limit = cgroupLimit(Path.of("/sys/fs/cgroup/memory/memory.limit_in_bytes"));
    }
    if (total <= 0) {
      return limit > 0 ? limit : 1024 * MIB;
    }
    return limit > 0 ? Math.min(limit, total) : total;
  }

  /** A cgroup memory limit in bytes, or -1 when unlimited or unreadable. */
  static long cgroupLimit(Path file) {
    try {
      String text = Files.readString(file).trim();
      return text.equals("max") ? -1 : Long.parseLong(text);
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
  }

  /** MemTotal of a {@code /proc/meminfo} file in bytes, or -1 when unreadable. */
  static long memInfoTotal(Path file) {
    try {
      for (String line : Files.readAllLines(file)) {
        if (line.startsWith("MemTotal:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // fall through
    }
    return -1;
  }
}

package io.recopipe.components.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServingResourcesTest {
  private static final long GIB = 1L << 30;

  @TempDir Path dir;

  @Test
  void threadsAreOneWorkerPerCoreAtLeastTwoPlusTwoConnectorsIoThreads() {
    assertEquals(6, new ServingResources(1, GIB, true).threads());
    assertEquals(6, new ServingResources(2, GIB, true).threads());
    assertEquals(12, new ServingResources(8, GIB, true).threads());
  }

  @Test
  void scoringWorkersAreOnePerCoreAndReachTheServerAndTheContainer() {
    assertEquals(1, ServingResources.CLOUD_RUN_DEFAULT.workers());
    ServingResources four = new ServingResources(4, 8 * GIB, true);
    assertEquals(List.of("--threads", "8", "--workers", "4"), four.serverArgs(true));
    assertEquals(List.of("--threads", "8"), four.serverArgs(false));
    assertEquals("4", four.containerEnv().get(ServingResources.WORKERS_ENV));
    assertEquals("8", four.containerEnv().get(ServingResources.THREADS_ENV));
  }

  @Test
  void fewCoresGetTheSerialCollectorMoreTheParallelOne() {
    assertEquals("-XX:+UseSerialGC", new ServingResources(2, GIB, true).gcFlag());
    assertEquals("-XX:+UseParallelGC", new ServingResources(4, GIB, true).gcFlag());
  }

  @Test
  void heapIsAShareOfTheContainerAndTheJvmDefaultOnASharedMachine() {
    assertEquals(
        List.of("-XX:+UseSerialGC", "-XX:MaxRAMPercentage=60"),
        ServingResources.CLOUD_RUN_DEFAULT.jvmFlags());
    assertEquals(75, new ServingResources(2, 2 * GIB, true).heapPercent());
    assertEquals(25, new ServingResources(2, 64 * GIB, false).heapPercent());
    assertEquals(
        "threads 6, scoring workers 2, GC serial, heap <= 75% of 2.0 GiB (2 cores)",
        new ServingResources(2, 2 * GIB, true).describe());
  }

  @Test
  void aRevisionRecordsItsSettingsForEndpoints() throws Exception {
    assertEquals(java.util.Optional.empty(), ServingResources.recorded(dir));
    ServingResources resources = new ServingResources(4, 8 * GIB, true);
    resources.record(dir);
    assertEquals(java.util.Optional.of(resources.describe()), ServingResources.recorded(dir));
  }

  @Test
  void refusesNoCoresOrTooLittleMemory() {
    assertThrows(IllegalArgumentException.class, () -> new ServingResources(0, GIB, true));
    assertThrows(IllegalArgumentException.class, () -> new ServingResources(1, 1 << 20, true));
  }

  @Test
  void readsTheCgroupLimitAndMemInfo() throws Exception {
    Path limit = Files.writeString(dir.resolve("memory.max"), "2147483648\n");
    Path unlimited = Files.writeString(dir.resolve("unlimited"), "max\n");
    Path meminfo =
        Files.writeString(dir.resolve("meminfo"), "MemTotal:        8000000 kB\nMemFree:  10 kB\n");
    assertEquals(2 * GIB, ServingResources.cgroupLimit(limit));
    assertEquals(-1, ServingResources.cgroupLimit(unlimited));
    assertEquals(-1, ServingResources.cgroupLimit(dir.resolve("absent")));
    assertEquals(8_000_000L * 1024, ServingResources.memInfoTotal(meminfo));
    ServingResources local = ServingResources.local();
    assertEquals(Runtime.getRuntime().availableProcessors(), local.cores());
    assertTrue(local.memoryBytes() >= 64L << 20, local.describe());
  }
}

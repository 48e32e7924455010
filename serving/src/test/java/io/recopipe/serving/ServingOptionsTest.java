package io.recopipe.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServingOptionsTest {
  private static final String[] BUNDLE = {"--bundle", "/model"};

  @Test
  void threadsDefaultToTheDeploysEnvironmentAndTheFlagWins() {
    Map<String, String> env = Map.of(ServingOptions.THREADS_ENV, "4");
    assertEquals(0, ServingOptions.parse(BUNDLE, Map.of()).threads());
    assertEquals(4, ServingOptions.parse(BUNDLE, env).threads());
    assertEquals(
        8, ServingOptions.parse(new String[] {"--bundle", "/m", "--threads", "8"}, env).threads());
  }

  @Test
  void scoringWorkersDefaultToTheDeploysEnvironmentThenTheCores() {
    Map<String, String> env = Map.of(ServingOptions.WORKERS_ENV, "3");
    assertEquals(
        Runtime.getRuntime().availableProcessors(),
        ServingOptions.parse(BUNDLE, Map.of()).workers());
    assertEquals(3, ServingOptions.parse(BUNDLE, env).workers());
    assertEquals(
        5, ServingOptions.parse(new String[] {"--bundle", "/m", "--workers", "5"}, env).workers());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ServingOptions.parse(new String[] {"--bundle", "/m", "--workers", "-1"}, Map.of()));
    assertEquals("--workers must be >= 0, was -1", e.getMessage());
    assertEquals(
        0,
        ServingOptions.parse(new String[] {"--bundle", "/m", "--workers", "0"}, env).workers(),
        "0: scored on the HTTP thread");
  }

  @Test
  void threadsCapTheEventLoopsAtTheCores() {
    int cores = Runtime.getRuntime().availableProcessors();
    ServingOptions one =
        ServingOptions.parse(new String[] {"--bundle", "/m", "--threads", "1"}, Map.of());
    assertEquals(1, PublicServer.eventLoops(one));
    // what deploys pass (cores + 4, sized for the former thread pool) runs one loop per core
    ServingOptions six =
        ServingOptions.parse(new String[] {"--bundle", "/m", "--threads", "6"}, Map.of());
    assertEquals(Math.min(6, cores), PublicServer.eventLoops(six));
    assertEquals(cores, PublicServer.eventLoops(ServingOptions.parse(BUNDLE, Map.of())));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ServingOptions.parse(new String[] {"--bundle", "/m", "--threads", "-1"}, Map.of()));
    assertTrue(e.getMessage().startsWith("--threads must be >= 0"), e.getMessage());
  }
}

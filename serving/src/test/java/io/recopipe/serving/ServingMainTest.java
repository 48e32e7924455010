package io.recopipe.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The entrypoint answers Jetty's cache-line question itself, keeping a value the user set. */
class ServingMainTest {
  private final String before = System.getProperty(ServingMain.JETTY_REFERENCES_PER_CACHE_LINE);

  @AfterEach
  void restore() {
    if (before == null) {
      System.clearProperty(ServingMain.JETTY_REFERENCES_PER_CACHE_LINE);
    } else {
      System.setProperty(ServingMain.JETTY_REFERENCES_PER_CACHE_LINE, before);
    }
  }

  @Test
  void referencesPerCacheLineFollowTheHeapSizeUnlessSet() {
    System.clearProperty(ServingMain.JETTY_REFERENCES_PER_CACHE_LINE);
    ServingMain.skipJettyMemoryProbe();
    String expected = Runtime.getRuntime().maxMemory() < (32L << 30) ? "16" : "8";
    assertEquals(expected, System.getProperty(ServingMain.JETTY_REFERENCES_PER_CACHE_LINE));

    System.setProperty(ServingMain.JETTY_REFERENCES_PER_CACHE_LINE, "4");
    ServingMain.skipJettyMemoryProbe();
    assertEquals("4", System.getProperty(ServingMain.JETTY_REFERENCES_PER_CACHE_LINE));
  }
}

package io.recopipe.infra.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GcpEnvironmentTest {
  @Test
  void roundTripsThroughContainerVariables() {
    GcpConfig config = GcpConfig.from(GcpConfigTest.valid(), "test");
    Map<String, String> env = GcpEnvironment.of(config);
    assertEquals("gcp", env.get("RECOPIPE_PROFILE"));
    assertEquals("recopipe-demo", env.get("RECOPIPE_GCP_PROJECT"));
    assertTrue(GcpEnvironment.isGcp(env));
    assertEquals(config, GcpConfig.from(GcpEnvironment.parameters(env), "env"));
  }
}

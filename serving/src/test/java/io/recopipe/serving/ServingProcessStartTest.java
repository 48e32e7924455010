package io.recopipe.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundle loads while the servers start, and a corrupted bundle still never serves. */
class ServingProcessStartTest {
  @TempDir Path dir;

  @Test
  void aBundleWithACorruptedFactorFileIsRefusedAtStart() throws Exception {
    TestBundles.write(dir, "bad", 5);
    Path bundle = dir.resolve("bad");
    Path factors = bundle.resolve("item_factors.f32");
    byte[] bytes = Files.readAllBytes(factors);
    bytes[bytes.length - 1] ^= 0x01; // same size, header intact: only the checksum can tell
    Files.write(factors, bytes);
    IOException refused = assertThrows(IOException.class, () -> TestServer.start(bundle));
    assertTrue(refused.getMessage().contains("item_factors.f32"), refused.getMessage());
  }

  @Test
  void aGoodBundleIsInstalledBeforeStartReturns() throws Exception {
    TestBundles.write(dir, "good", 6);
    Path bundle = dir.resolve("good");
    try (TestServer server = TestServer.start(bundle)) {
      assertTrue(server.process.holder().ready());
      assertEquals(200, TestServer.send("GET", server.url("/readyz"), null).statusCode());
    }
  }
}

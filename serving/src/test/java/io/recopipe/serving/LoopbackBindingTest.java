package io.recopipe.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.recopipe.model.bundle.ModelBundle;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Collections;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real sockets against another address of this machine: a loopback-bound server refuses its public,
 * extra (listen) and admin ports there; bound to all interfaces it keeps metrics and
 * run-identifying metadata to the loopback admin port.
 */
class LoopbackBindingTest {
  @TempDir Path temp;

  @Test
  void loopbackServerIsUnreachableFromAnotherAddress() throws Exception {
    InetAddress other = nonLoopbackAddress();
    Assumptions.assumeTrue(other != null, "no non-loopback IPv4 address on this machine");
    ModelBundle bundle = TestBundles.write(temp, "m", 5);
    try (TestServer server = TestServer.start(bundle.directory())) {
      int extra = freePort();
      assertEquals(
          200, server.admin("POST", "/admin/listen", "{\"port\":" + extra + "}").statusCode());
      for (int port : new int[] {server.process.port(), extra, server.process.adminPort()}) {
        assertThrows(IOException.class, () -> connect(other, port), "port " + port);
        connect(InetAddress.getLoopbackAddress(), port);
      }
    }
  }

  @Test
  void allInterfacesKeepMetricsAndProvenanceOnTheAdminPort() throws Exception {
    ModelBundle bundle = TestBundles.write(temp, "m", 5);
    try (TestServer server = TestServer.start(bundle.directory(), "--host", "0.0.0.0")) {
      assertEquals(404, server.get("/metrics").statusCode());
      JsonNode metadata = TestServer.json(server.get("/v1/models/recommender_model/metadata"));
      assertEquals("recommender_model", metadata.get("model_name").asText());
      assertTrue(metadata.has("model_version") && metadata.has("num_items"), metadata.toString());
      for (String hidden : new String[] {"run_id", "git_commit", "data_fingerprint", "bundle"}) {
        assertFalse(metadata.has(hidden), hidden + " in " + metadata);
      }
      JsonNode status = TestServer.json(server.get("/v1/models/recommender_model"));
      assertEquals("AVAILABLE", status.get("model_version_status").get(0).get("state").asText());
      assertEquals(200, TestServer.send("GET", server.adminUrl("/metrics"), null).statusCode());
      JsonNode full = TestServer.json(server.admin("GET", "/admin/metadata", null));
      assertEquals("run-m", full.get("run_id").asText());
      assertTrue(full.has("data_fingerprint"), full.toString());
    }
  }

  private static void connect(InetAddress address, int port) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), 2000);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static InetAddress nonLoopbackAddress() throws IOException {
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      for (InetAddress address : Collections.list(nic.getInetAddresses())) {
        if (!address.isLoopbackAddress() && address instanceof Inet4Address) {
          return address;
        }
      }
    }
    return null;
  }
}

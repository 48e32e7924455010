package io.recopipe.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTP/1.1 pipelining on one connection: answers come back in the order the requests were sent,
 * also when a batch is scored on a worker while a single user behind it could be answered at once.
 */
class PipeliningTest {
  private static final String BATCH =
      "{\"instances\":[{\"user_id\":\"u1\",\"k\":2}," + "{\"user_id\":\"u2\",\"k\":2}]}";
  private static final String SINGLE = "{\"instances\":[{\"user_id\":\"u3\",\"k\":1}]}";
  @TempDir Path temp;

  @Test
  void answersKeepTheOrderOfTheRequests() throws Exception {
    try (TestServer server = TestServer.start(TestBundles.write(temp, "m", 3).directory())) {
      String batch = server.predict(BATCH).body();
      String single = server.predict(SINGLE).body();
      StringBuilder requests = new StringBuilder();
      List<String> expected = new ArrayList<>();
      for (int n = 0; n < 20; n++) {
        requests
            .append(post(BATCH))
            .append(post(SINGLE))
            .append("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
        expected.addAll(List.of(batch, single, "{\"status\":\"ok\"}"));
      }
      try (Socket socket = new Socket("127.0.0.1", server.process.port())) {
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        out.write(requests.toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
        DataInputStream in = new DataInputStream(socket.getInputStream());
        for (String body : expected) {
          assertEquals(body, readAnswer(in));
        }
      }
    }
  }

  private static String post(String body) {
    return "POST /v1/models/recommender_model:predict HTTP/1.1\r\nHost: x\r\n"
        + "Content-Type: application/json\r\nContent-Length: "
        + body.length()
        + "\r\n\r\n"
        + body;
  }

  /** Reads one answer (status 200, Content-Length framed) and returns its body. */
  private static String readAnswer(DataInputStream in) throws Exception {
    String status = line(in);
    assertTrue(status.startsWith("HTTP/1.1 200 "), status);
    int length = -1;
    for (String header = line(in); !header.isEmpty(); header = line(in)) {
      if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(header.substring(15).trim());
      }
    }
    byte[] body = new byte[length];
    in.readFully(body);
    return new String(body, StandardCharsets.UTF_8);
  }

  private static String line(DataInputStream in) throws Exception {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new java.io.EOFException("connection closed after: " + line);
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }
}

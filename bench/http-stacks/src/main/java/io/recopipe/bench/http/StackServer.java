package io.recopipe.bench.http;

import java.nio.charset.StandardCharsets;

/**
 * Starts one candidate HTTP stack answering every POST with the same JSON (the size of a
 * single-user prediction), so that bench/http-stacks.sh compares the stacks' own cost per request
 * and their latency tail on the same load, without the model in the way.
 *
 * <p>Usage: {@code StackServer STACK PORT WORKERS} with STACK one of jetty, netty-nio,
 * netty-epoll, jdk, undertow.
 */
public final class StackServer {
  private StackServer() {
  }

  /** A JSON body of {@code bytes} bytes shaped like a prediction. */
  static byte[] body(int bytes) {
    StringBuilder out = new StringBuilder("{\"predictions\":[{\"items\":[");
    int n = 0;
    while (out.length() < bytes - 40) {
      out.append(n == 0 ? "" : ",").append(1000 + n++);
    }
    out.append("],\"scores\":[0]}]}");
    while (out.length() < bytes) {
      out.insert(1, ' ');
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** CPU work per request in microseconds (-Dwork_us), standing in for scoring. */
  static final long WORK_NANOS = Long.getLong("work_us", 0) * 1000;

  /** Spins for {@link #WORK_NANOS} of CPU, as scoring a request would. */
  static long work() {
    long end = System.nanoTime() + WORK_NANOS;
    long spins = 0;
    while (WORK_NANOS > 0 && System.nanoTime() < end) {
      spins++;
    }
    return spins;
  }

  /** Runs the chosen stack until killed. */
  public static void main(String[] args) throws Exception {
    String stack = args[0];
    int port = Integer.parseInt(args[1]);
    int workers = Integer.parseInt(args[2]);
    byte[] body = body(Integer.getInteger("bytes", 831));
    switch (stack) {
      case "jetty" -> JettyStack.start(port, workers, body);
      case "netty-nio" -> NettyStack.start(port, workers, body, false);
      case "netty-epoll" -> NettyStack.start(port, workers, body, true);
      case "jdk" -> JdkStack.start(port, workers, body);
      case "undertow" -> UndertowStack.start(port, workers, body);
      default -> throw new IllegalArgumentException("unknown stack " + stack);
    }
    System.out.println("ready " + stack + " on " + port);
    Thread.currentThread().join();
  }
}

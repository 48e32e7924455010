package io.recopipe.serving;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Creates and lists a server's HTTP connectors, including SO_REUSEPORT ones added while it runs,
 * so that a new revision can listen on the stable port before the old one lets go of it.
 */
public final class Connectors {
  private Connectors() {
  }

  /** A plain HTTP/1.1 connector on {@code host:port}. */
  public static ServerConnector create(Server server, HttpConfiguration http, String host,
      int port, boolean reusePort) {
    ServerConnector connector = new ServerConnector(server, 1, 1,
        new HttpConnectionFactory(http));
    connector.setHost(host);
    connector.setPort(port);
    connector.setReusePort(reusePort);
    connector.setReuseAddress(true);
    connector.setAcceptQueueSize(1024);
    connector.setIdleTimeout(60_000);
    return connector;
  }

  /** Adds and starts a SO_REUSEPORT connector on a running server; returns its local port. */
  public static int listen(Server server, String host, int port) throws Exception {
    ServerConnector first = serverConnectors(server).get(0);
    HttpConfiguration http = first.getConnectionFactory(HttpConnectionFactory.class)
        .getHttpConfiguration();
    ServerConnector connector = create(server, http, host, port, true);
    server.addConnector(connector);
    try {
      connector.start();
    } catch (Exception e) {
      server.removeConnector(connector);
      throw e;
    }
    return connector.getLocalPort();
  }

  /** The local ports the server listens on. */
  public static List<Integer> ports(Server server) {
    List<Integer> ports = new ArrayList<>();
    for (ServerConnector connector : serverConnectors(server)) {
      if (connector.isOpen()) {
        ports.add(connector.getLocalPort());
      }
    }
    return ports;
  }

  /** Closes every listening socket (existing connections keep going). */
  public static void closeListeners(Server server) {
    for (ServerConnector connector : serverConnectors(server)) {
      connector.close();
    }
  }

  private static List<ServerConnector> serverConnectors(Server server) {
    List<ServerConnector> out = new ArrayList<>();
    for (Connector connector : server.getConnectors()) {
      if (connector instanceof ServerConnector serverConnector) {
        out.add(serverConnector);
      }
    }
    return out;
  }
}

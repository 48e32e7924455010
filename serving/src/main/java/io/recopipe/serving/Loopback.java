package io.recopipe.serving;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Says whether a bind address reaches only this machine, because run-identifying metadata and
 * metrics may be public only then.
 */
public final class Loopback {
  private Loopback() {}

  /** Whether every address {@code host} names is a loopback address (unresolvable: no). */
  public static boolean is(String host) {
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    try {
      InetAddress[] addresses = InetAddress.getAllByName(host);
      for (InetAddress address : addresses) {
        if (!address.isLoopbackAddress()) {
          return false;
        }
      }
      return addresses.length > 0;
    } catch (UnknownHostException e) {
      return false;
    }
  }
}

package io.recopipe.pipeline.cli;

import picocli.CommandLine.IVersionProvider;

/** Prints the code version that provenance records, so a bug report names the exact build. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    Package p = Main.class.getPackage();
    String version = p.getImplementationVersion() != null ? p.getImplementationVersion() : "dev";
    return new String[] {"recopipe " + version, "JVM " + Runtime.version()};
  }
}

package io.recopipe.components.deploy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive file lock on a home's service directory, held for a whole deploy, so two deploys
 * into the same home take turns instead of fighting over the registry and the stable port.
 */
final class DeployLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private DeployLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Waits for and takes the lock of {@code serviceDir}. */
  static DeployLock acquire(Path serviceDir) throws IOException {
    FileChannel channel =
        FileChannel.open(
            serviceDir.resolve(".deploy.lock"),
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE);
    try {
      return new DeployLock(channel, channel.lock());
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }
}

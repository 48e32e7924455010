package io.recopipe.components.readers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A {@link TextSource} backed by a file on disk, the common case for a directory data set. */
final class FileTextSource implements TextSource {
  private final Path path;

  FileTextSource(Path path) {
    this.path = path;
  }

  @Override
  public String name() {
    return path.toString();
  }

  @Override
  public String fileName() {
    return path.getFileName().toString();
  }

  @Override
  public InputStream open() throws IOException {
    return Files.newInputStream(path);
  }

  @Override
  public long sizeHint() {
    try {
      return Files.size(path);
    } catch (IOException e) {
      return -1;
    }
  }
}

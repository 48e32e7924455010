package io.recopipe.components.readers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A {@link DataRoot} over an extracted data set directory. */
final class DirectoryRoot implements DataRoot {
  private final Path directory;

  DirectoryRoot(Path directory) {
    this.directory = directory;
  }

  @Override
  public String name() {
    return directory.toString();
  }

  @Override
  public Optional<TextSource> find(String fileName) {
    Path file = directory.resolve(fileName);
    return Files.isRegularFile(file) ? Optional.of(new FileTextSource(file)) : Optional.empty();
  }

  @Override
  public List<String> fileNames() {
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(Files::isRegularFile)
          .map(p -> p.getFileName().toString())
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      return List.of();
    }
  }

  @Override
  public void close() {}
}

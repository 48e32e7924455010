package io.recopipe.model.bundle;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A hidden sibling directory ({@code .name.tmp-<random>}) where a bundle is written before it is
 * renamed to its final name, so that readers see either no bundle or a complete one, never a
 * half-written one; closing it without {@link #commit} deletes it.
 */
final class StagingDirectory implements AutoCloseable {
  /** Lets tests fail the commit at a named point: "rename" (before) or "swap" (mid-replace). */
  interface Checkpoint {
    void reached(String step) throws IOException;
  }

  private static final SecureRandom RANDOM = new SecureRandom();
  private final Path target;
  private final Path path;
  private boolean committed;

  private StagingDirectory(Path target, Path path) {
    this.target = target;
    this.path = path;
  }

  /** Creates the staging directory next to {@code target}, creating missing parents. */
  static StagingDirectory create(Path target) throws IOException {
    Path parent = target.getParent();
    Files.createDirectories(parent);
    Path path = parent.resolve(hiddenSibling(target, "tmp"));
    return new StagingDirectory(target, Files.createDirectory(path));
  }

  private static String hiddenSibling(Path target, String role) {
    byte[] random = new byte[6];
    RANDOM.nextBytes(random);
    return "." + target.getFileName() + "." + role + "-" + HexFormat.of().formatHex(random);
  }

  /** Where the files are written. */
  Path path() {
    return path;
  }

  /**
   * Syncs the staging directory and renames it to the target. With {@code replace}, an existing
   * target is first renamed to a backup, then deleted once the new bundle is in place; if the
   * second rename fails, the backup is renamed back.
   *
   * @throws FileAlreadyExistsException when the target exists and {@code replace} is false
   */
  void commit(boolean replace, Checkpoint checkpoint) throws IOException {
    syncDirectory(path);
    checkpoint.reached("rename");
    boolean exists = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
    if (exists && !replace) {
      throw alreadyExists(target);
    }
    if (!exists) {
      Files.move(path, target, StandardCopyOption.ATOMIC_MOVE);
    } else {
      Path backup = target.resolveSibling(hiddenSibling(target, "old"));
      Files.move(target, backup, StandardCopyOption.ATOMIC_MOVE);
      try {
        checkpoint.reached("swap");
        Files.move(path, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException | RuntimeException e) {
        try {
          Files.move(backup, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException restore) {
          e.addSuppressed(restore);
        }
        throw e;
      }
      deleteQuietly(backup);
    }
    committed = true;
    syncDirectory(target.getParent());
  }

  /** The exception for a target that exists when it may not be replaced. */
  static FileAlreadyExistsException alreadyExists(Path target) {
    return new FileAlreadyExistsException(
        target.toString(),
        null,
        "already exists; pass IfExists.REPLACE (--overwrite) to replace it");
  }

  /** Deletes the staging directory unless it was committed. */
  @Override
  public void close() {
    if (!committed) {
      deleteQuietly(path);
    }
  }

  /** Syncs a directory's entries to disk where the platform allows it (Linux and macOS do). */
  static void syncDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Windows cannot open directories; its renames are durable enough for our purposes
    }
  }

  /** Deletes a directory tree, ignoring failures: it is debris, not data. */
  static void deleteQuietly(Path root) {
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
                throws IOException {
              Files.deleteIfExists(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException e)
                throws IOException {
              Files.deleteIfExists(directory);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (NoSuchFileException e) {
      // already gone
    } catch (IOException e) {
      // leave the debris; it is hidden and named after its target
    }
  }
}

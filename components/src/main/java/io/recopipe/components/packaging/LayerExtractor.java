package io.recopipe.components.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Applies one layer's tar stream onto a root filesystem directory the way an overlay would
 * (files replace, {@code .wh.} whiteouts delete), refusing paths that escape the root.
 */
final class LayerExtractor {
  private static final String WHITEOUT = ".wh.";
  private static final String OPAQUE = ".wh..wh..opq";

  private LayerExtractor() {
  }

  /** Applies the layer tar read from {@code in} onto {@code rootfs}. */
  static void apply(InputStream in, Path rootfs) throws IOException {
    Path root = rootfs.toAbsolutePath().normalize();
    TarReader reader = new TarReader(in);
    for (TarEntry entry = reader.next(); entry != null; entry = reader.next()) {
      String relative = entry.relativePath();
      if (relative.isEmpty()) {
        continue;
      }
      Path target = inside(root, relative);
      String base = target.getFileName().toString();
      if (base.equals(OPAQUE)) {
        clear(target.getParent());
      } else if (base.startsWith(WHITEOUT)) {
        delete(target.resolveSibling(base.substring(WHITEOUT.length())));
      } else if (entry.isDirectory()) {
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
          delete(target);
          Files.createDirectories(target);
        }
        permissions(target, entry.mode() | 0700);
      } else if (entry.isSymlink()) {
        replaceWith(target);
        Files.createSymbolicLink(target, Path.of(entry.linkName()));
      } else if (entry.isHardLink()) {
        replaceWith(target);
        Files.copy(inside(root, TarEntry.normalize(entry.linkName())), target,
            StandardCopyOption.COPY_ATTRIBUTES);
      } else if (entry.isFile()) {
        replaceWith(target);
        Files.copy(reader.content(), target);
        permissions(target, entry.mode());
        Files.setLastModifiedTime(target, FileTime.fromMillis(entry.mtime() * 1000));
      }
    }
  }

  private static Path inside(Path root, String relative) throws IOException {
    Path target = root.resolve(relative).normalize();
    if (!target.startsWith(root) || target.equals(root)) {
      throw new IOException("layer entry escapes the root filesystem: " + relative);
    }
    return target;
  }

  private static void replaceWith(Path target) throws IOException {
    Files.createDirectories(target.getParent());
    if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      delete(target);
    } else {
      Files.deleteIfExists(target);
    }
  }

  private static void clear(Path dir) throws IOException {
    if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      try (Stream<Path> children = Files.list(dir)) {
        for (Path child : (Iterable<Path>) children::iterator) {
          delete(child);
        }
      }
    }
  }

  private static void delete(Path path) throws IOException {
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      try (Stream<Path> walk = Files.walk(path)) {
        for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
          Files.delete(p);
        }
      }
    } else {
      Files.delete(path);
    }
  }

  private static void permissions(Path target, int mode) {
    Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] order = PosixFilePermission.values(); // OWNER_READ … OTHERS_EXECUTE
    for (int bit = 0; bit < 9; bit++) {
      if ((mode & (1 << (8 - bit))) != 0) {
        perms.add(order[bit]);
      }
    }
    try {
      Files.setPosixFilePermissions(target, perms);
    } catch (UnsupportedOperationException | IOException e) {
      // not a POSIX file system: keep the defaults
    }
  }
}

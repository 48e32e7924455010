package io.recopipe.components.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Applies one layer's tar stream onto a root filesystem directory the way an overlay would (files
 * replace, {@code .wh.} whiteouts delete), refusing paths that escape the root; commons-compress
 * decodes the tar (ustar, GNU long names, PAX records).
 */
final class LayerExtractor {
  private static final String WHITEOUT = ".wh.";
  private static final String OPAQUE = ".wh..wh..opq";

  private LayerExtractor() {}

  /** Applies the layer tar read from {@code in} onto {@code rootfs}. */
  static void apply(InputStream in, Path rootfs) throws IOException {
    Path root = rootfs.toAbsolutePath().normalize();
    TarArchiveInputStream tar = new TarArchiveInputStream(in);
    for (TarArchiveEntry entry = next(tar); entry != null; entry = next(tar)) {
      String relative = relative(entry.getName());
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
        permissions(target, entry.getMode() | 0700);
      } else if (entry.isSymbolicLink()) {
        replaceWith(target);
        Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
      } else if (entry.isLink()) {
        replaceWith(target);
        Files.copy(
            inside(root, relative(entry.getLinkName())),
            target,
            StandardCopyOption.COPY_ATTRIBUTES);
      } else if (isRegularFile(entry)) {
        replaceWith(target);
        Files.copy(tar, target);
        permissions(target, entry.getMode());
        Files.setLastModifiedTime(target, entry.getLastModifiedTime());
      }
    }
  }

  /**
   * An entry name relative to the archive root: no leading {@code /} or {@code ./}, no trailing
   * {@code /}; empty for the root itself.
   */
  static String relative(String name) {
    String p = name;
    while (p.startsWith("./") || p.startsWith("/")) {
      p = p.startsWith("/") ? p.substring(1) : p.substring(2);
    }
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p.equals(".") ? "" : p;
  }

  /** Whether {@code entry} is a regular file (not a device, FIFO or link). */
  static boolean isRegularFile(TarArchiveEntry entry) {
    byte type = entry.getLinkFlag();
    return type == TarConstants.LF_NORMAL
        || type == TarConstants.LF_OLDNORM
        || type == TarConstants.LF_CONTIG;
  }

  /** The next entry, or null at the end; a corrupt header is "not a tar archive". */
  private static TarArchiveEntry next(TarArchiveInputStream tar) throws IOException {
    try {
      return tar.getNextEntry();
    } catch (IOException | RuntimeException e) {
      throw new IOException("not a tar archive: " + e.getMessage(), e);
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

package io.recopipe.components.packaging;

/**
 * One entry of a tar archive as {@link TarReader} decoded it (long names already applied), so
 * callers deal in paths and kinds rather than header bytes.
 *
 * @param name     the entry path as stored (may start with {@code ./} or {@code /})
 * @param type     the ustar type flag ({@code '0'} file, {@code '5'} directory, {@code '2'}
 *                 symlink, {@code '1'} hard link, …)
 * @param mode     the permission bits
 * @param size     the data size in bytes
 * @param mtime    the modification time in seconds since the epoch
 * @param linkName the link target of a symlink or hard link, else empty
 */
public record TarEntry(String name, char type, int mode, long size, long mtime,
    String linkName) {

  /** Whether this entry is a regular file. */
  public boolean isFile() {
    return type == '0' || type == '\0' || type == '7';
  }

  /** Whether this entry is a directory. */
  public boolean isDirectory() {
    return type == '5';
  }

  /** Whether this entry is a symbolic link. */
  public boolean isSymlink() {
    return type == '2';
  }

  /** Whether this entry is a hard link to an earlier entry. */
  public boolean isHardLink() {
    return type == '1';
  }

  /**
   * The entry path relative to the archive root, without a leading {@code /} or {@code ./} and
   * without a trailing {@code /}; empty for the root itself.
   */
  public String relativePath() {
    return normalize(name);
  }

  static String normalize(String path) {
    String p = path;
    while (p.startsWith("./") || p.startsWith("/")) {
      p = p.startsWith("/") ? p.substring(1) : p.substring(2);
    }
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p.equals(".") ? "" : p;
  }
}

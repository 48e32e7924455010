package io.recopipe.components.readers;

import java.io.IOException;
import java.io.InputStream;

/**
 * One readable file, on disk or inside a zip, so that every parser reads both forms the same way
 * and error messages name exactly where the bad line lives.
 */
interface TextSource {
  /** The name used in error messages: the path, or {@code archive.zip!/entry}. */
  String name();

  /** The base file name, such as {@code u.data}, used for format detection. */
  String fileName();

  /** Opens the raw bytes; the caller closes the stream. */
  InputStream open() throws IOException;

  /** The size in bytes when known, else -1; used only to pre-size arrays. */
  long sizeHint();
}

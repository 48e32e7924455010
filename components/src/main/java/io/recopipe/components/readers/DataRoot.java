package io.recopipe.components.readers;

import java.io.Closeable;
import java.util.List;
import java.util.Optional;

/**
 * A set of named files, a directory or a zip, so that the MovieLens readers look files up by name
 * without caring whether the official archive was extracted.
 */
interface DataRoot extends Closeable {
  /** The path of the directory or archive, for messages. */
  String name();

  /** Finds a file by base name ({@code u.data}); in a zip the shallowest such entry wins. */
  Optional<TextSource> find(String fileName);

  /** The base names of the files present, sorted, for "found none of them" messages. */
  List<String> fileNames();

  /** Closes the archive, if any; directories hold nothing open. */
  @Override
  void close() throws java.io.IOException;
}

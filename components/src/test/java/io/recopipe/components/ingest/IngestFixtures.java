package io.recopipe.components.ingest;

import io.recopipe.components.api.ComponentException;
import io.recopipe.components.warehouse.DuckDbWarehouse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small hand-written MovieLens-shaped fixtures and a helper that runs ingest on them. */
final class IngestFixtures {
  static final String FLAGS_ZERO = "|0".repeat(19);

  private IngestFixtures() {}

  static Path write(Path file, String content) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    return Files.writeString(file, content, StandardCharsets.ISO_8859_1);
  }

  /** A MovieLens 100K directory: 3 users (one id 10, to check numeric order), 4 movies. */
  static Path hundredK(Path dir) throws IOException {
    write(
        dir.resolve("u.data"),
        """
        10\t3\t4\t881250949
        2\t1\t5\t881250950
        10\t1\t3\t881250951
        2\t3\t2\t881250952
        9\t2\t1\t881250953
        2\t2\t4\t881250954
        10\t2\t5\t881250955
        9\t4\t3\t881250956
        2\t1\t4\t881250999
        """);
    write(
        dir.resolve("u.item"),
        "1|Toy Story (1995)|01-Jan-1995||url|0|0|0|1|1"
            + "|0".repeat(14)
            + "\n2|GoldenEye (1995)|01-Jan-1995||url|0|1|1"
            + "|0".repeat(16)
            + "\n"
            + "3|Four Rooms (1995)|01-Jan-1995||url"
            + FLAGS_ZERO
            + "\n"
            + "4|Get Shorty (1995)|01-Jan-1995||url|0|1|0|0|0|1"
            + "|0".repeat(13)
            + "\n");
    write(
        dir.resolve("u.user"),
        "2|53|F|other|94043\n9|29|M|student|01002\n" + "10|53|M|lawyer|90703\n");
    return dir;
  }

  /** A MovieLens 1M directory (ratings.dat, movies.dat, users.dat). */
  static Path oneM(Path dir) throws IOException {
    write(
        dir.resolve("ratings.dat"),
        "1::1193::5::978300760\n1::661::3::978302109\n"
            + "2::1193::4::978298413\n2::661::1::978299000\n2::914::3::978301968\n");
    write(
        dir.resolve("movies.dat"),
        "1193::One Flew Over the Cuckoo's Nest (1975)::Drama\n"
            + "661::James and the Giant Peach (1996)::Animation|Children's|Musical\n"
            + "914::My Fair Lady (1964)::Musical|Romance\n");
    write(dir.resolve("users.dat"), "1::F::1::10::48067\n2::M::56::16::70072\n");
    return dir;
  }

  /** Zips every file of {@code dir} under {@code top/}, as the official archives are laid out. */
  static Path zip(Path dir, String top, Path zipFile) throws IOException {
    try (OutputStream out = Files.newOutputStream(zipFile);
        ZipOutputStream zip = new ZipOutputStream(out);
        var files = Files.list(dir)) {
      for (Path file : (Iterable<Path>) files.sorted()::iterator) {
        zip.putNextEntry(new ZipEntry(top + "/" + file.getFileName()));
        zip.write(Files.readAllBytes(file));
        zip.closeEntry();
      }
    }
    return zipFile;
  }

  /** Runs ingest in {@code root} with a warehouse at {@code root/warehouse.duckdb}. */
  static TestStepContext ingest(Path root, Map<String, String> parameters)
      throws ComponentException, Exception {
    try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(root.resolve("warehouse.duckdb"))) {
      TestStepContext context = new TestStepContext(root, warehouse, parameters);
      new IngestComponent().run(context);
      return context;
    }
  }

  static String read(TestStepContext context, String file) throws IOException {
    return Files.readString(context.output(IngestComponent.DATASET).resolve(file));
  }
}

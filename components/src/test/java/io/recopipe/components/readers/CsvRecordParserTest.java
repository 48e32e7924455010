package io.recopipe.components.readers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvRecordParserTest {

  private static List<List<String>> parseAll(Path tmp, String content) throws IOException {
    Path file = Fixtures.utf8(tmp.resolve("f.csv"), content);
    List<List<String>> records = new ArrayList<>();
    CsvRecordParser parser = new CsvRecordParser(',');
    Fields fields = new Fields();
    try (LineCursor cursor = LineCursor.open(new FileTextSource(file), StandardCharsets.UTF_8)) {
      String line;
      while ((line = cursor.next()) != null) {
        parser.parse(line, cursor, fields);
        List<String> record = new ArrayList<>();
        for (int n = 0; n < fields.count(); n++) {
          record.add(fields.get(n));
        }
        records.add(record);
      }
    }
    return records;
  }

  @Test
  void splitsPlainAndEmptyFields(@TempDir Path tmp) throws IOException {
    assertEquals(List.of(List.of("a", "", "c", "")), parseAll(tmp, "a,,c,\n"));
  }

  @Test
  void unquotesDelimitersAndDoubledQuotes(@TempDir Path tmp) throws IOException {
    assertEquals(
        List.of(List.of("1", "Say \"Hi\", Bob", "x")),
        parseAll(tmp, "1,\"Say \"\"Hi\"\", Bob\",x\n"));
    assertEquals(List.of(List.of("", "")), parseAll(tmp, "\"\",\n"));
  }

  @Test
  void joinsQuotedLineBreaks(@TempDir Path tmp) throws IOException {
    assertEquals(
        List.of(List.of("1", "two\nlines"), List.of("2", "b")),
        parseAll(tmp, "1,\"two\nlines\"\n2,b\n"));
  }

  @Test
  void rejectsTextAfterClosingQuote(@TempDir Path tmp) throws IOException {
    Path file = tmp.resolve("f.csv");
    DataFormatException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            DataFormatException.class, () -> parseAll(tmp, "1,\"a\"b,c\n"));
    assertEquals(
        file + " line 1: expected a delimiter ',' after a closing quote, found 'b'",
        e.getMessage());
  }
}

package io.recopipe.components.readers;

/**
 * How a catalog file (movies or users) is laid out, so the shared catalog loop can check field
 * counts and headers and word its errors like the ratings reader does.
 *
 * @param delimiter the field separator
 * @param fieldCount the exact number of fields per line
 * @param fieldDescription the fields as documented, for messages
 * @param quoted whether RFC-4180 quoting is allowed (CSV releases)
 * @param header the exact header line, or null when the file has none
 */
record CatalogLayout(
    String delimiter, int fieldCount, String fieldDescription, boolean quoted, String header) {

  String expected() {
    String separated = delimiter.equals(",") ? "comma-separated" : "'" + delimiter + "'-separated";
    return fieldCount + " " + separated + " fields (" + fieldDescription + ")";
  }
}

package io.recopipe.model.json;

/**
 * The token level of {@link JsonParser}: position, whitespace, strings, numbers, literals and
 * error positions, kept apart from the grammar so that each part stays small enough to check by
 * eye.
 */
abstract class JsonLexer {
  final String text;
  final int length;
  int pos;

  JsonLexer(String text) {
    this.text = text;
    this.length = text.length();
  }

  /** Reads a string starting at the opening quote; escapes go through a builder, plain text not. */
  final String readString() {
    int start = ++pos;
    while (pos < length) {
      char c = text.charAt(pos);
      if (c == '"') {
        return text.substring(start, pos++);
      }
      if (c == '\\' || c < 0x20) {
        break;
      }
      pos++;
    }
    StringBuilder out = new StringBuilder(pos - start + 16).append(text, start, pos);
    while (pos < length) {
      char c = text.charAt(pos);
      if (c == '"') {
        pos++;
        return out.toString();
      }
      if (c < 0x20) {
        throw error("control character " + codePoint(c) + " in a string must be escaped");
      }
      if (c == '\\') {
        out.append(readEscape());
      } else {
        out.append(c);
        pos++;
      }
    }
    pos = start - 1;
    throw error("unterminated string");
  }

  /** Reads one escape; a surrogate pair arrives as two \\u escapes, each one UTF-16 unit. */
  private char readEscape() {
    int at = pos;
    if (++pos >= length) {
      throw error("unterminated string");
    }
    char c = text.charAt(pos++);
    switch (c) {
      case '"': return '"';
      case '\\': return '\\';
      case '/': return '/';
      case 'b': return '\b';
      case 'f': return '\f';
      case 'n': return '\n';
      case 'r': return '\r';
      case 't': return '\t';
      case 'u': return readHex4();
      default:
        pos = at;
        throw error("invalid escape '\\" + (c < 0x20 ? codePoint(c) : String.valueOf(c)) + "'");
    }
  }

  private char readHex4() {
    if (pos + 4 > length) {
      pos -= 2;
      throw error("\\u escape needs four hex digits");
    }
    int value = 0;
    for (int i = 0; i < 4; i++) {
      int digit = Character.digit(text.charAt(pos + i), 16);
      if (digit < 0) {
        pos -= 2;
        throw error("\\u escape needs four hex digits, found '"
            + text.substring(pos + 2, pos + 6) + "'");
      }
      value = value << 4 | digit;
    }
    pos += 4;
    return (char) value;
  }

  final JsonNumber readNumber() {
    int start = pos;
    boolean negative = peek() == '-';
    if (negative) {
      pos++;
    }
    char first = peek();
    if (first < '0' || first > '9') {
      throw error("expected a digit after '-', found " + describeCurrent());
    }
    long magnitude = 0; // accumulated as a negative number, so that Long.MIN_VALUE fits
    boolean overflow = false;
    while (pos < length) {
      char c = text.charAt(pos);
      if (c < '0' || c > '9') {
        break;
      }
      int digit = c - '0';
      if (magnitude < (Long.MIN_VALUE + digit) / 10) {
        overflow = true;
      }
      magnitude = magnitude * 10 - digit;
      pos++;
    }
    if (first == '0' && pos - start > (negative ? 2 : 1)) {
      pos = start;
      throw error("leading zeros are not allowed in numbers");
    }
    boolean integral = true;
    if (peek() == '.') {
      integral = false;
      pos++;
      requireDigits("after the decimal point");
    }
    char e = peek();
    if (e == 'e' || e == 'E') {
      integral = false;
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      requireDigits("in the exponent");
    }
    if (integral && !overflow && (negative || magnitude != Long.MIN_VALUE)) {
      return JsonNumber.of(negative ? magnitude : -magnitude);
    }
    double value = Double.parseDouble(text.substring(start, pos));
    if (Double.isInfinite(value)) {
      pos = start;
      throw error("number is out of the range of a double");
    }
    return JsonNumber.of(value);
  }

  private void requireDigits(String where) {
    int start = pos;
    while (pos < length && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
      pos++;
    }
    if (pos == start) {
      throw error("expected a digit " + where + ", found " + describeCurrent());
    }
  }

  final void readWord(String word) {
    if (!text.startsWith(word, pos)) {
      throw error("unexpected " + describeCurrent() + ", expected a value");
    }
    pos += word.length();
  }

  final void expect(char expected, String where) {
    if (peek() != expected) {
      throw error("expected '" + expected + "' " + where + ", found " + describeCurrent());
    }
    pos++;
  }

  final void skipWhitespace() {
    while (pos < length) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return;
      }
      pos++;
    }
  }

  /** The current character, or U+FFFF at the end (never valid where it is compared). */
  final char peek() {
    return pos < length ? text.charAt(pos) : '\uffff';
  }

  final String describeCurrent() {
    if (pos >= length) {
      return "end of input";
    }
    char c = text.charAt(pos);
    return c < 0x20 || c == 0x7f ? codePoint(c) : "'" + c + "'";
  }

  private static String codePoint(char c) {
    return String.format("U+%04X", (int) c);
  }

  /** Builds the exception for the current position, counting lines only now that one is needed. */
  final JsonParseException error(String detail) {
    int line = 1;
    int lineStart = 0;
    int end = Math.min(pos, length);
    for (int i = 0; i < end; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new JsonParseException(line, end - lineStart + 1, detail);
  }
}

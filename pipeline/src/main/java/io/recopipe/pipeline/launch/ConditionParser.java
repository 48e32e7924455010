package io.recopipe.pipeline.launch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A recursive-descent parser for the CEL subset of {@link TriggerCondition}; each node evaluates
 * itself to a CEL value (String, Long, Double, Boolean, or a {@link JsonNode} list or map).
 */
final class ConditionParser {
  /** A parsed expression. */
  interface Expr {
    Object eval(Map<String, JsonNode> parameters);
  }

  private final String text;
  private int at;

  ConditionParser(String text) {
    this.text = text;
  }

  Expr parse() {
    Expr expr = or();
    skipSpace();
    if (at < text.length()) {
      throw error("unexpected '" + text.substring(at) + "'");
    }
    return expr;
  }

  private Expr or() {
    Expr left = and();
    while (take("||")) {
      Expr l = left;
      Expr r = and();
      left = p -> bool(l.eval(p), "||") || bool(r.eval(p), "||");
    }
    return left;
  }

  private Expr and() {
    Expr left = unary();
    while (take("&&")) {
      Expr l = left;
      Expr r = unary();
      left = p -> bool(l.eval(p), "&&") && bool(r.eval(p), "&&");
    }
    return left;
  }

  private Expr unary() {
    skipSpace();
    if (text.startsWith("!", at) && !text.startsWith("!=", at)) {
      at++;
      Expr operand = unary();
      return p -> !bool(operand.eval(p), "!");
    }
    return comparison();
  }

  private Expr comparison() {
    Expr left = primary();
    for (String op : new String[] {"==", "!=", "<=", ">=", "<", ">"}) {
      if (take(op)) {
        Expr right = primary();
        return p -> CelValues.compare(op, left.eval(p), right.eval(p));
      }
    }
    return left;
  }

  private Expr primary() {
    skipSpace();
    if (take("(")) {
      Expr inner = or();
      expect(")");
      return inner;
    }
    if (at < text.length() && (text.charAt(at) == '\'' || text.charAt(at) == '"')) {
      String literal = string();
      return p -> literal;
    }
    if (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '-')) {
      Object number = number();
      return p -> number;
    }
    String name = identifier();
    switch (name) {
      case "true":
        return p -> Boolean.TRUE;
      case "false":
        return p -> Boolean.FALSE;
      case "int", "double", "string", "bool":
        expect("(");
        Expr argument = or();
        expect(")");
        return p -> CelValues.convert(name, argument.eval(p));
      case "inputs":
        expect(".");
        String field = identifier();
        if (!field.equals("parameter_values")) {
          throw error("only inputs.parameter_values['NAME'] is supported, found inputs." + field);
        }
        expect("[");
        skipSpace();
        String key = string();
        expect("]");
        return p -> {
          JsonNode value = p.get(key);
          if (value == null) {
            throw new IllegalArgumentException("no such key: " + key);
          }
          return CelValues.of(value);
        };
      default:
        throw error("unknown name '" + name + "'");
    }
  }

  private String string() {
    char quote = text.charAt(at++);
    StringBuilder out = new StringBuilder();
    while (at < text.length() && text.charAt(at) != quote) {
      char c = text.charAt(at++);
      if (c == '\\' && at < text.length()) {
        char escaped = text.charAt(at++);
        out.append(
            switch (escaped) {
              case 'n' -> '\n';
              case 't' -> '\t';
              default -> escaped;
            });
      } else {
        out.append(c);
      }
    }
    if (at >= text.length()) {
      throw error("unterminated string");
    }
    at++;
    return out.toString();
  }

  private Object number() {
    int start = at;
    if (text.charAt(at) == '-') {
      at++;
    }
    while (at < text.length() && "0123456789.eE+-".indexOf(text.charAt(at)) >= 0) {
      if ((text.charAt(at) == '+' || text.charAt(at) == '-')
          && "eE".indexOf(text.charAt(at - 1)) < 0) {
        break;
      }
      at++;
    }
    String literal = text.substring(start, at);
    try {
      return literal.matches("-?\\d+") ? Long.parseLong(literal) : Double.parseDouble(literal);
    } catch (NumberFormatException e) {
      throw error("bad number '" + literal + "'");
    }
  }

  private String identifier() {
    skipSpace();
    int start = at;
    while (at < text.length()
        && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
      at++;
    }
    if (start == at) {
      throw error(at < text.length() ? "unexpected '" + text.charAt(at) + "'" : "unexpected end");
    }
    return text.substring(start, at);
  }

  private boolean take(String token) {
    skipSpace();
    if (text.startsWith(token, at)) {
      at += token.length();
      return true;
    }
    return false;
  }

  private void expect(String token) {
    if (!take(token)) {
      throw error("expected '" + token + "'");
    }
  }

  private void skipSpace() {
    while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
      at++;
    }
  }

  private IllegalArgumentException error(String problem) {
    return new IllegalArgumentException(
        "condition " + text + ": at character " + (at + 1) + ": " + problem);
  }

  private static boolean bool(Object value, String operator) {
    if (value instanceof Boolean b) {
      return b;
    }
    throw new IllegalArgumentException("no such overload: " + operator + " on " + value);
  }
}

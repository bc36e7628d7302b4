package org.landmarknas.run;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Jackson's mapping errors in the words of a run file's reader: {@code pool[3].ground_truth:
 * expected a number, got "abc"} instead of a message about {@code java.lang.Double} and a chain
 * of Java types, so that the person with the file sees which key to fix.
 */
final class MappingErrors {
  private MappingErrors() {}

  /** The message for {@code e}, prefixed by {@code where} (a file, or a file and line). */
  static String message(String where, JsonMappingException e) {
    String path = path(e.getPath());
    String at = where + ": " + (path.isEmpty() ? "" : path + ": ");
    if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
      return at + "expected " + expected(m.getTargetType()) + ", got " + got(e);
    }
    return at + e.getOriginalMessage();
  }

  /** {@code pool[3].ground_truth}: the JSON keys and indices of a Jackson path. */
  static String path(List<JsonMappingException.Reference> refs) {
    StringBuilder s = new StringBuilder();
    for (JsonMappingException.Reference r : refs) {
      if (r.getFieldName() != null) {
        s.append(s.isEmpty() ? "" : ".").append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        s.append('[').append(r.getIndex()).append(']');
      }
    }
    return s.toString();
  }

  private static String expected(Class<?> type) {
    if (type == Double.class || type == Float.class || type == double.class
        || type == float.class) {
      return "a number";
    }
    if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
      return "an integer";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a list";
    }
    return "an object";
  }

  /** What the file had where the error is, from the value or the parser's current token. */
  private static String got(JsonMappingException e) {
    if (e instanceof InvalidFormatException f && f.getValue() != null) {
      return describe(f.getValue());
    }
    if (!(e.getProcessor() instanceof JsonParser p) || p.currentToken() == null) {
      return "something else";
    }
    JsonToken t = p.currentToken();
    try {
      return switch (t) {
        case START_OBJECT -> "an object";
        case START_ARRAY -> "a list";
        case VALUE_NULL -> "nothing";
        case VALUE_STRING -> describe(p.getText());
        default -> p.getText();
      };
    } catch (IOException io) {
      return "something else";
    }
  }

  /** A value for a message: strings quoted and cut to 40 characters, containers by kind. */
  static String describe(Object v) {
    if (v == null || (v instanceof JsonNode n && (n.isNull() || n.isMissingNode()))) {
      return "nothing";
    }
    if (v instanceof JsonNode n) {
      return n.isObject() ? "an object" : n.isArray() ? "a list"
          : n.isTextual() ? describe(n.textValue()) : n.toString();
    }
    if (v instanceof String s) {
      return "\"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
    }
    if (v instanceof Map<?, ?>) {
      return "an object";
    }
    if (v instanceof List<?>) {
      return "a list";
    }
    return String.valueOf(v);
  }
}

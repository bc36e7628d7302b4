package org.landmarknas.config;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Range and name checks for config keys, shared by the section records so that every violation
 * reads the same: {@code <key>: <value> is out of range (allowed: <range>)}.
 */
final class KeyCheck {

  private KeyCheck() {}

  static int atLeast(String key, int value, int min) {
    if (value < min) {
      throw outOfRange(key, value, ">= " + min);
    }
    return value;
  }

  static double positive(String key, double value) {
    if (!(value > 0) || !Double.isFinite(value)) {
      throw outOfRange(key, value, "> 0, finite");
    }
    return value;
  }

  static double nonNegative(String key, double value) {
    if (!(value >= 0) || !Double.isFinite(value)) {
      throw outOfRange(key, value, ">= 0, finite");
    }
    return value;
  }

  /** Half-open {@code [min, max)}. */
  static double inClosedOpen(String key, double value, double min, double max) {
    if (!(value >= min && value < max)) {
      throw outOfRange(key, value, "[" + min + ", " + max + ")");
    }
    return value;
  }

  /** Open {@code (min, max)}. */
  static double inOpen(String key, double value, double min, double max) {
    if (!(value > min && value < max)) {
      throw outOfRange(key, value, "(" + min + ", " + max + "), both exclusive");
    }
    return value;
  }

  static String oneOf(String key, String value, List<String> allowed) {
    if (value == null || !allowed.contains(value)) {
      throw new ConfigException(key, String.format(Locale.ROOT,
          "%s is not allowed (allowed: %s)", quote(value), String.join(", ", allowed)));
    }
    return value;
  }

  static String matches(String key, String value, Pattern pattern, String description) {
    if (value == null || !pattern.matcher(value).matches()) {
      throw new ConfigException(key, String.format(Locale.ROOT,
          "%s is not allowed (allowed: %s)", quote(value), description));
    }
    return value;
  }

  static ConfigException outOfRange(String key, Object value, String allowed) {
    return new ConfigException(key, String.format(Locale.ROOT,
        "%s is out of range (allowed: %s)", value, allowed));
  }

  static String quote(String value) {
    return value == null ? "null" : '"' + value + '"';
  }
}

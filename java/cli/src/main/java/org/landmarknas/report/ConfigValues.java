package org.landmarknas.report;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.landmarknas.run.RunFiles;

/**
 * Typed look-ups in a run's configuration as a report meets it: an untyped map, from
 * {@code config.yaml} or the {@code provenance.config} of {@code result.json}. A value of the
 * wrong type is an error naming the file and the key path.
 *
 * @param file the file the map came from
 * @param prefix the key path of the map in it, with a trailing dot ({@code ""} at the top)
 */
record ConfigValues(Path file, String prefix) {

  /** A string; numbers and booleans are taken as their text (a YAML name may read as 123). */
  Optional<String> text(Map<String, Object> m, String key) {
    Object v = m.get(key);
    if (v == null) {
      return Optional.empty();
    }
    if (v instanceof String || v instanceof Number || v instanceof Boolean) {
      return Optional.of(String.valueOf(v));
    }
    throw wrongType(key, "a string", v);
  }

  /** A string of section {@code section}, as {@link #text(Map, String)}. */
  Optional<String> text(Map<String, Object> m, String section, String key) {
    Object s = m.get(section);
    if (s == null) {
      return Optional.empty();
    }
    if (!(s instanceof Map<?, ?> map)) {
      throw wrongType(section, "a mapping", s);
    }
    @SuppressWarnings("unchecked") // YAML and JSON mappings have string keys
    Map<String, Object> inner = (Map<String, Object>) map;
    return new ConfigValues(file, prefix + section + ".").text(inner, key);
  }

  /** An integer; a whole number written as a double (YAML {@code 3.0}) is taken too. */
  OptionalLong integer(Map<String, Object> m, String key) {
    Object v = m.get(key);
    if (v == null) {
      return OptionalLong.empty();
    }
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      return OptionalLong.of(((Number) v).longValue());
    }
    if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 0x1p53) {
      return OptionalLong.of(d.longValue());
    }
    throw wrongType(key, "an integer", v);
  }

  private IllegalArgumentException wrongType(String key, String expected, Object got) {
    return new IllegalArgumentException(String.format(Locale.ROOT,
        "%s: %s%s: expected %s, got %s", file, prefix, key, expected, describe(got)));
  }

  static String describe(Object v) {
    return RunFiles.describeValue(v);
  }

}

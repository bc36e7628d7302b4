package org.landmarknas.config;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.landmarknas.config.ConfigSchema.Key;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Writes a resolved {@link RunConfig} out, as YAML the loader reads back to an equal record or
 * as nested maps, every key in {@link ConfigSchema} order so that files diff cleanly.
 */
final class RunConfigWriter {

  private static final Pattern PLAIN_STRING = Pattern.compile("[A-Za-z0-9_./][A-Za-z0-9_./-]*");

  private RunConfigWriter() {}

  /** Every key with its value, one section block after the top-level keys. */
  static String yaml(RunConfig config) {
    StringBuilder sb = new StringBuilder(1024);
    sb.append("# lmnas run configuration, resolved: every key with the value the run used.\n");
    String section = "";
    for (Key k : ConfigSchema.KEYS) {
      if (!k.section().equals(section)) {
        section = k.section();
        sb.append('\n').append(section).append(":\n");
      }
      sb.append(section.isEmpty() ? "" : "  ").append(k.name()).append(": ")
          .append(yamlScalar(k.read().apply(config))).append('\n');
    }
    return sb.toString();
  }

  /** Top-level keys, then one map per section. */
  static Map<String, Object> map(RunConfig config) {
    Map<String, Object> root = new LinkedHashMap<>();
    for (Key k : ConfigSchema.KEYS) {
      Object value = k.read().apply(config);
      if (k.section().isEmpty()) {
        root.put(k.name(), value);
      } else {
        @SuppressWarnings("unchecked")
        Map<String, Object> section = (Map<String, Object>) root.computeIfAbsent(k.section(),
            s -> new LinkedHashMap<String, Object>());
        section.put(k.name(), value);
      }
    }
    return root;
  }

  /**
   * {@code s} as a YAML double-quoted scalar, which reads back as exactly {@code s} whatever it
   * holds ({@code ~}, {@code 2024}, quotes, control characters).
   */
  static String doubleQuoted(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            sb.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  /** A string stays bare only when YAML would read it back as that same string. */
  private static String yamlScalar(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      boolean plain = PLAIN_STRING.matcher(s).matches()
          && new Resolver().resolve(NodeId.scalar, s, true).equals(Tag.STR);
      return plain ? s : doubleQuoted(s);
    }
    if (value instanceof Double d) {
      return yamlNumber(d);
    }
    return value.toString(); // Integer, Long, Boolean
  }

  /**
   * A double as people write it ({@code 0.0005}, not {@code 5.0E-4}), always with a point so
   * YAML reads it back as a float; very large or small values keep the exponent form, which
   * snakeyaml also reads as a float.
   */
  private static String yamlNumber(double d) {
    double abs = Math.abs(d);
    if (abs != 0 && (abs < 1e-4 || abs >= 1e9)) {
      return Double.toString(d);
    }
    String plain = new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    return plain.contains(".") ? plain : plain + ".0";
  }
}

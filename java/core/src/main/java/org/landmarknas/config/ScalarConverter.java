package org.landmarknas.config;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.landmarknas.config.ConfigSchema.Key;
import org.landmarknas.config.ConfigSchema.ValueType;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns one given YAML node into the Java value of its key's {@link ValueType} (Integer, Long,
 * Double, Boolean, String or null), or a {@link ConfigException} naming where it was given and
 * what the key expects. Ranges are not checked here; the section records do that.
 */
final class ScalarConverter {

  private static final Set<Tag> SCALAR_TAGS =
      Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.TIMESTAMP);

  // YAML 1.1 reads 010 as 8, 0x10 as 16 and 1:30 as 90: a seed or an epoch count written so
  // would silently be another number.
  private static final Pattern DECIMAL_INTEGER = Pattern.compile("[-+]?(0|[1-9][0-9]*)");

  private final ScalarValues scalars = new ScalarValues(ConfigYaml.options());

  /** Exposes snakeyaml's safe scalar construction (ints, floats, booleans) for single nodes. */
  private static final class ScalarValues extends SafeConstructor {
    ScalarValues(LoaderOptions options) {
      super(options);
    }

    Object value(ScalarNode node) {
      return constructObject(node);
    }
  }

  /** Turns one node into the Java value of the key's type, or explains why it cannot. */
  Object convert(Key key, GivenValue g) {
    Node node = g.node();
    if (node != null && !(node instanceof ScalarNode)) {
      throw typeError(key, g, ConfigYaml.describe(node));
    }
    ScalarNode scalar = (ScalarNode) node;
    Tag tag = scalar == null ? Tag.NULL : scalar.getTag();
    if (!SCALAR_TAGS.contains(tag)) {
      throw error(key, g, String.format(Locale.ROOT,
          "YAML tag %s is not allowed here (expected %s)", tag, key.type().expected()));
    }
    if (tag.equals(Tag.NULL)) {
      if (key.type() == ValueType.OPTIONAL_STRING) {
        return null;
      }
      throw typeError(key, g, "null");
    }
    Object value;
    try {
      value = scalars.value(scalar);
    } catch (RuntimeException e) { // e.g. "!!int abc": the tag promises what the text lacks
      throw typeError(key, g, ConfigYaml.describe(scalar));
    }
    return typed(key, g, scalar, value);
  }

  /** {@code value}, what YAML made of {@code scalar}, as the key's type, or why it is not. */
  private Object typed(Key key, GivenValue g, ScalarNode scalar, Object value) {
    switch (key.type()) {
      case STRING:
      case OPTIONAL_STRING:
        // The text as written: "name: 2024" is the name "2024", not a number turned back.
        return scalar.getValue();
      case BOOLEAN:
        if (value instanceof Boolean b) {
          return b;
        }
        throw typeError(key, g, ConfigYaml.describe(scalar));
      case INT:
        if (value instanceof Number && !(value instanceof Double)) {
          requireDecimal(key, g, scalar);
        }
        if (value instanceof Integer i) {
          return i;
        }
        if (value instanceof Long || value instanceof BigInteger) {
          throw error(key, g, value + " is out of range (allowed: a 32-bit integer, "
              + Integer.MIN_VALUE + ".." + Integer.MAX_VALUE + ")");
        }
        throw typeError(key, g, ConfigYaml.describe(scalar));
      case LONG:
        if (value instanceof Number && !(value instanceof Double)) {
          requireDecimal(key, g, scalar);
        }
        if (value instanceof Integer || value instanceof Long) {
          return ((Number) value).longValue();
        }
        if (value instanceof BigInteger) {
          throw error(key, g, value + " is out of range (allowed: a 64-bit integer, "
              + Long.MIN_VALUE + ".." + Long.MAX_VALUE + ")");
        }
        throw typeError(key, g, ConfigYaml.describe(scalar));
      case DOUBLE:
        if (value instanceof Number n && !(value instanceof Boolean)) {
          return n.doubleValue();
        }
        throw typeError(key, g, ConfigYaml.describe(scalar));
      default:
        throw new AssertionError(key.type());
    }
  }

  private static void requireDecimal(Key key, GivenValue g, ScalarNode scalar) {
    String text = scalar.getValue().strip();
    if (!DECIMAL_INTEGER.matcher(text).matches()) {
      throw error(key, g, KeyCheck.quote(text) + " is not a plain decimal integer (YAML's octal"
          + " 010, hex 0x10 and sexagesimal 1:30 forms are not accepted)");
    }
  }

  private static ConfigException typeError(Key key, GivenValue g, String got) {
    return error(key, g, "expected " + key.type().expected() + ", got " + got);
  }

  private static ConfigException error(Key key, GivenValue g, String detail) {
    return new ConfigException(g.origin().source(), g.origin().line(), key.dotted(), detail,
        null);
  }
}

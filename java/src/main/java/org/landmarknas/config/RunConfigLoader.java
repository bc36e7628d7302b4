package org.landmarknas.config;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import org.landmarknas.config.ConfigSchema.Key;
import org.landmarknas.config.ConfigSchema.ValueType;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads run configurations: built-in defaults, overlaid by a YAML file, overlaid by {@code
 * key=value} overrides (the CLI's {@code --set}). Strict: an unknown key, a value of the wrong
 * type or out of range, or malformed YAML is a {@link ConfigException} naming the file (or
 * {@code --set}), line, full dotted key and what is allowed. Nothing is half-loaded.
 *
 * <p>YAML is read with snakeyaml's node composer and {@link SafeConstructor}: plain scalars,
 * mappings and the standard tags only, never arbitrary Java types. Keys missing from the file keep
 * their defaults ({@link RunConfig#defaults()}); an empty section ({@code train:}) is all defaults.
 * String keys take the scalar's text as written ({@code name: 2024} is the name "2024").
 */
public final class RunConfigLoader {

  /** Source named in errors about {@code key=value} overrides. */
  public static final String OVERRIDE_SOURCE = "--set";
  /** Source named in errors about a key nobody set (cross-key checks such as lr-min <= lr). */
  public static final String DEFAULTS_SOURCE = "defaults";

  private static final Set<Tag> SCALAR_TAGS =
      Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.TIMESTAMP);
  private static final Pattern PLAIN_STRING = Pattern.compile("[A-Za-z0-9_./][A-Za-z0-9_./-]*");

  private RunConfigLoader() {}

  /** Where a value came from. */
  private record Origin(String source, OptionalInt line) {}

  /** A value as written; {@code node} null means YAML null (e.g. {@code --set data.dir=}). */
  private record Given(Node node, Origin origin) {}

  /** Exposes snakeyaml's safe scalar construction (ints, floats, booleans) for single nodes. */
  private static final class ScalarValues extends SafeConstructor {
    ScalarValues(LoaderOptions options) {
      super(options);
    }

    Object value(ScalarNode node) {
      return constructObject(node);
    }
  }

  /**
   * Loads {@code file} over the defaults, then applies {@code overrides}.
   *
   * @param file a YAML file with the keys of {@link RunConfig} (any subset)
   * @param overrides {@code key=value} strings with dotted keys, applied in order
   * @throws ConfigException when the file cannot be read or any key or value is invalid
   */
  public static RunConfig load(Path file, List<String> overrides) {
    String source = file.toString();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(source, OptionalInt.empty(), null,
          "cannot read config file (" + readFailure(e) + ")", e);
    }
    Map<String, Given> given = new LinkedHashMap<>();
    collectFile(compose(text, source, OptionalInt.empty(), null), source, given);
    collectOverrides(overrides, given);
    return resolve(given, new Origin(source, OptionalInt.empty()));
  }

  /**
   * The defaults with {@code overrides} applied.
   *
   * @param overrides {@code key=value} strings with dotted keys, applied in order
   * @throws ConfigException when an override names an unknown key or an invalid value
   */
  public static RunConfig fromDefaults(List<String> overrides) {
    Map<String, Given> given = new LinkedHashMap<>();
    collectOverrides(overrides, given);
    return resolve(given, new Origin(DEFAULTS_SOURCE, OptionalInt.empty()));
  }

  /**
   * An override that sets {@code key} to exactly {@code value} as a string, whatever YAML would
   * make of it unquoted (e.g. a directory named {@code ~} or {@code 2024}).
   */
  public static String literalOverride(String key, String value) {
    return key + "=" + doubleQuoted(value);
  }

  /**
   * The resolved config as YAML: every key, in file order, with the names the loader reads.
   * {@link #load} of this text gives a record equal to {@code config}.
   */
  public static String toYaml(RunConfig config) {
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

  /**
   * The resolved config as nested maps in file order (top-level keys, then one map per section),
   * e.g. to embed in a JSON result.
   */
  public static Map<String, Object> toMap(RunConfig config) {
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

  // ---- reading -------------------------------------------------------------------------------

  private static LoaderOptions loaderOptions() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setAllowRecursiveKeys(false);
    options.setMaxAliasesForCollections(16);
    options.setNestingDepthLimit(16);
    options.setCodePointLimit(1 << 20);
    return options;
  }

  /** Composes one YAML document into nodes; null for an empty document. */
  private static Node compose(String text, String source, OptionalInt lineHint, String key) {
    LoaderOptions options = loaderOptions();
    Yaml yaml = new Yaml(new SafeConstructor(options));
    try {
      return yaml.compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      OptionalInt line = mark == null || key != null
          ? lineHint : OptionalInt.of(mark.getLine() + 1);
      String where = mark == null ? "" : String.format(Locale.ROOT, " (column %d)",
          mark.getColumn() + 1);
      String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
      throw new ConfigException(source, line, key,
          "malformed YAML: " + oneLine(problem) + where, e);
    } catch (YAMLException e) {
      throw new ConfigException(source, lineHint, key,
          "malformed YAML: " + oneLine(e.getMessage()), e);
    }
  }

  private static void collectFile(Node root, String source, Map<String, Given> given) {
    if (root == null) {
      return;
    }
    if (!(root instanceof MappingNode top)) {
      throw new ConfigException(source, lineOf(root), null,
          "the top level must be a mapping of keys (" + ConfigSchema.allowedPhrase("") + ")",
          null);
    }
    Set<String> seen = new HashSet<>();
    for (NodeTuple t : top.getValue()) {
      String name = keyName(t.getKeyNode(), source, "");
      if (!seen.add(name)) {
        throw new ConfigException(source, lineOf(t.getKeyNode()), name, "duplicate key", null);
      }
      Node value = t.getValueNode();
      if (ConfigSchema.isSection(name)) {
        collectSection(name, value, source, given);
      } else if (name.contains(".") && ConfigSchema.find(name).isPresent()) {
        // Taken as is, it would silently win or lose against the same key in its section.
        int dot = name.indexOf('.');
        throw new ConfigException(source, lineOf(t.getKeyNode()), name, "a dotted key belongs"
            + " in its section in a file (" + name.substring(0, dot) + ": {"
            + name.substring(dot + 1) + ": ...}); dotted keys are for --set", null);
      } else if (ConfigSchema.find(name).isPresent()) {
        given.put(name, new Given(value, new Origin(source, lineOf(value))));
      } else {
        throw new ConfigException(source, lineOf(t.getKeyNode()), name,
            "unknown key (" + ConfigSchema.allowedPhrase("") + ")", null);
      }
    }
  }

  private static void collectSection(String section, Node value, String source,
      Map<String, Given> given) {
    if (isNull(value)) {
      return;
    }
    if (!(value instanceof MappingNode mapping)) {
      throw new ConfigException(source, lineOf(value), section,
          "expected a mapping of keys, got " + describe(value) + " ("
              + ConfigSchema.allowedPhrase(section) + ")", null);
    }
    Set<String> seen = new HashSet<>();
    for (NodeTuple t : mapping.getValue()) {
      String dotted = section + "." + keyName(t.getKeyNode(), source, section);
      if (!seen.add(dotted)) {
        throw new ConfigException(source, lineOf(t.getKeyNode()), dotted, "duplicate key", null);
      }
      if (ConfigSchema.find(dotted).isEmpty()) {
        throw new ConfigException(source, lineOf(t.getKeyNode()), dotted,
            "unknown key (" + ConfigSchema.allowedPhrase(section) + ")", null);
      }
      given.put(dotted, new Given(t.getValueNode(), new Origin(source, lineOf(t.getValueNode()))));
    }
  }

  private static String keyName(Node keyNode, String source, String section) {
    if (keyNode instanceof ScalarNode s && !isNull(s)) {
      return s.getValue();
    }
    throw new ConfigException(source, lineOf(keyNode), section.isEmpty() ? null : section,
        "keys must be plain names, got " + describe(keyNode) + " ("
            + ConfigSchema.allowedPhrase(section) + ")", null);
  }

  private static void collectOverrides(List<String> overrides, Map<String, Given> given) {
    Origin origin = new Origin(OVERRIDE_SOURCE, OptionalInt.empty());
    for (String override : overrides) {
      int eq = override.indexOf('=');
      String key = eq < 0 ? "" : override.substring(0, eq).strip();
      if (key.isEmpty()) {
        throw new ConfigException(OVERRIDE_SOURCE, OptionalInt.empty(), null,
            KeyCheck.quote(override) + " is not key=value (e.g. train.epochs=3)", null);
      }
      if (ConfigSchema.find(key).isEmpty()) {
        throw unknownOverrideKey(key);
      }
      String text = override.substring(eq + 1);
      Node node = compose(text, OVERRIDE_SOURCE, OptionalInt.empty(), key);
      given.put(key, new Given(node, origin));
    }
  }

  private static ConfigException unknownOverrideKey(String key) {
    String detail;
    if (ConfigSchema.isSection(key)) {
      detail = "is a section; set one of its keys as " + key + ".<key>=value ("
          + ConfigSchema.allowedPhrase(key) + ")";
    } else {
      int dot = key.indexOf('.');
      String section = dot < 0 ? "" : key.substring(0, dot);
      detail = ConfigSchema.isSection(section)
          ? "unknown key (" + ConfigSchema.allowedPhrase(section) + ")"
          : "unknown key (" + ConfigSchema.allowedPhrase("")
              + "; section keys are written section.key)";
    }
    return new ConfigException(OVERRIDE_SOURCE, OptionalInt.empty(), key, detail, null);
  }

  private static RunConfig resolve(Map<String, Given> given, Origin fallback) {
    ScalarValues scalars = new ScalarValues(loaderOptions());
    RunConfig defaults = RunConfig.defaults();
    Map<String, Object> values = new HashMap<>();
    for (Key k : ConfigSchema.KEYS) {
      Given g = given.get(k.dotted());
      values.put(k.dotted(), g == null ? k.read().apply(defaults) : convert(k, g, scalars));
    }
    try {
      return ConfigSchema.build(values);
    } catch (ConfigException e) {
      Origin origin = e.key().map(given::get).map(Given::origin).orElse(
          given.isEmpty() || !fallback.source().equals(DEFAULTS_SOURCE)
              ? fallback : new Origin(OVERRIDE_SOURCE, OptionalInt.empty()));
      List<String> overridden = overriddenPartners(e, given);
      if (origin.source().equals(OVERRIDE_SOURCE) || overridden.isEmpty()) {
        throw e.at(origin.source(), origin.line());
      }
      // A check across keys (budget >= population) blames the key it tests, which may be the
      // file's while the --set beside it broke the rule: say so, or the user edits the wrong one.
      throw new ConfigException(origin.source(), origin.line(), e.key().orElse(null),
          e.detail() + " (" + OVERRIDE_SOURCE + " gave " + String.join(", ", overridden) + ")",
          e);
    }
  }

  /**
   * The keys {@code --set} gave that the error names as the other side of its rule (a check
   * across keys writes it, as in {@code >= search.population (50)}); a key merely set beside the
   * failing one is not named.
   */
  private static List<String> overriddenPartners(ConfigException e, Map<String, Given> given) {
    return given.entrySet().stream()
        .filter(g -> g.getValue().origin().source().equals(OVERRIDE_SOURCE))
        .map(Map.Entry::getKey)
        .filter(k -> !k.equals(e.key().orElse(null)) && Pattern.compile(
            "(?<![\\w.-])" + Pattern.quote(k) + "(?![\\w-])").matcher(e.detail()).find())
        .toList();
  }

  /** Turns one node into the Java value of the key's type, or explains why it cannot. */
  private static Object convert(Key key, Given g, ScalarValues scalars) {
    Node node = g.node();
    if (node != null && !(node instanceof ScalarNode)) {
      throw typeError(key, g, describe(node));
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
      throw typeError(key, g, describe(scalar));
    }
    switch (key.type()) {
      case STRING:
      case OPTIONAL_STRING:
        return scalar.getValue();
      case BOOLEAN:
        if (value instanceof Boolean b) {
          return b;
        }
        throw typeError(key, g, describe(scalar));
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
        throw typeError(key, g, describe(scalar));
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
        throw typeError(key, g, describe(scalar));
      case DOUBLE:
        if (value instanceof Number n && !(value instanceof Boolean)) {
          return n.doubleValue();
        }
        throw typeError(key, g, describe(scalar));
      default:
        throw new AssertionError(key.type());
    }
  }

  // YAML 1.1 reads 010 as 8, 0x10 as 16 and 1:30 as 90: a seed or an epoch count written so
  // would silently be another number.
  private static final Pattern DECIMAL_INTEGER = Pattern.compile("[-+]?(0|[1-9][0-9]*)");

  private static void requireDecimal(Key key, Given g, ScalarNode scalar) {
    String text = scalar.getValue().strip();
    if (!DECIMAL_INTEGER.matcher(text).matches()) {
      throw error(key, g, KeyCheck.quote(text) + " is not a plain decimal integer (YAML's octal"
          + " 010, hex 0x10 and sexagesimal 1:30 forms are not accepted)");
    }
  }

  private static ConfigException typeError(Key key, Given g, String got) {
    return error(key, g, "expected " + key.type().expected() + ", got " + got);
  }

  private static ConfigException error(Key key, Given g, String detail) {
    return new ConfigException(g.origin().source(), g.origin().line(), key.dotted(), detail,
        null);
  }

  private static boolean isNull(Node node) {
    return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
  }

  private static String describe(Node node) {
    if (node instanceof ScalarNode s) {
      return isNull(s) ? "null" : KeyCheck.quote(s.getValue());
    }
    return node instanceof MappingNode ? "a mapping" : "a list";
  }

  private static OptionalInt lineOf(Node node) {
    return node == null || node.getStartMark() == null
        ? OptionalInt.empty() : OptionalInt.of(node.getStartMark().getLine() + 1);
  }

  private static String readFailure(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof CharacterCodingException) {
      return "not UTF-8 text";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason().toLowerCase(Locale.ROOT);
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", " ");
  }

  // ---- writing -------------------------------------------------------------------------------

  private static String yamlScalar(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      boolean plain = PLAIN_STRING.matcher(s).matches()
          && new org.yaml.snakeyaml.resolver.Resolver()
              .resolve(org.yaml.snakeyaml.nodes.NodeId.scalar, s, true).equals(Tag.STR);
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

  private static String doubleQuoted(String s) {
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
}

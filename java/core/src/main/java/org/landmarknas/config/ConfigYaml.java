package org.landmarknas.config;

import java.io.StringReader;
import java.util.Locale;
import java.util.OptionalInt;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The YAML that config files and {@code --set} values are read as: snakeyaml's node composer with
 * {@link SafeConstructor} and tight limits, and the node facts (line, null, how to quote it) that
 * error messages use. Values stay nodes until conversion so that every error can still point at
 * the line that wrote them.
 */
final class ConfigYaml {

  private ConfigYaml() {}

  /**
   * The limits for every config document: a config is a few dozen scalars, so anything deep,
   * aliased or huge is a mistake or an attack, and a duplicate key would silently pick a winner.
   */
  static LoaderOptions options() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setAllowRecursiveKeys(false);
    options.setMaxAliasesForCollections(16);
    options.setNestingDepthLimit(16);
    options.setCodePointLimit(1 << 20);
    return options;
  }

  /**
   * Composes one YAML document into nodes; null for an empty document.
   *
   * @param lineHint the line reported when the YAML error has none of its own (or a key is given)
   * @param key the dotted key the text is the value of, or null for a whole file
   * @throws ConfigException "malformed YAML: ..." naming {@code source}, line and {@code key}
   */
  static Node compose(String text, String source, OptionalInt lineHint, String key) {
    Yaml yaml = new Yaml(new SafeConstructor(options()));
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

  static boolean isNull(Node node) {
    return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
  }

  /** The node as an error message quotes it: {@code "abc"}, {@code null}, a mapping, a list. */
  static String describe(Node node) {
    if (node instanceof ScalarNode s) {
      return isNull(s) ? "null" : KeyCheck.quote(s.getValue());
    }
    return node instanceof MappingNode ? "a mapping" : "a list";
  }

  /** The 1-based line the node starts on, if known. */
  static OptionalInt lineOf(Node node) {
    return node == null || node.getStartMark() == null
        ? OptionalInt.empty() : OptionalInt.of(node.getStartMark().getLine() + 1);
  }

  // snakeyaml's problems span lines; a diagnostic is one line.
  private static String oneLine(String s) {
    return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}

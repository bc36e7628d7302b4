package org.landmarknas.config;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The CLI's {@code --set key=value} overrides: dotted keys, each value read as a one-line YAML
 * document so that {@code train.epochs=3} is the number and {@code data.dir=} is null, exactly as
 * the same text in a file would be.
 */
final class SetOverrides {

  /** Source named in errors about overrides; they have no line. */
  static final String SOURCE = "--set";

  private static final GivenValue.Origin ORIGIN =
      new GivenValue.Origin(SOURCE, OptionalInt.empty());

  private SetOverrides() {}

  /**
   * Puts each override into {@code given} in order, so a later one wins over an earlier one and
   * over the file.
   *
   * @throws ConfigException when an override is not key=value, names an unknown key or its value
   *     is not YAML
   */
  static void addTo(List<String> overrides, Map<String, GivenValue> given) {
    for (String override : overrides) {
      int eq = override.indexOf('=');
      String key = eq < 0 ? "" : override.substring(0, eq).strip();
      if (key.isEmpty()) {
        throw new ConfigException(SOURCE, OptionalInt.empty(), null,
            KeyCheck.quote(override) + " is not key=value (e.g. train.epochs=3)", null);
      }
      if (ConfigSchema.find(key).isEmpty()) {
        throw unknownKey(key);
      }
      String text = override.substring(eq + 1);
      Node node = ConfigYaml.compose(text, SOURCE, OptionalInt.empty(), key);
      given.put(key, new GivenValue(node, ORIGIN));
    }
  }

  /** An override that sets {@code key} to exactly {@code value}, however YAML reads it bare. */
  static String literal(String key, String value) {
    return key + "=" + RunConfigWriter.doubleQuoted(value);
  }

  /** Also says how to reach a section's keys, since {@code train=...} is the likely slip. */
  private static ConfigException unknownKey(String key) {
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
    return new ConfigException(SOURCE, OptionalInt.empty(), key, detail, null);
  }
}

package org.landmarknas.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.landmarknas.config.ConfigSchema.Key;

/**
 * Layers given values over the defaults and builds the validated {@link RunConfig}. A range or
 * cross-key error from the section records knows only its key; this is where it gets the file and
 * line (or {@code --set}) that gave the value, so that the message points at what to edit.
 */
final class ConfigResolver {

  /** Source named in errors about a key nobody set (cross-key checks such as lr-min <= lr). */
  static final String DEFAULTS_SOURCE = "defaults";

  private ConfigResolver() {}

  /**
   * The defaults with every {@code given} value in place of its key's default.
   *
   * @param given values by dotted key, from a file and then {@code --set}
   * @param fallback the origin named for an error about a key nobody gave: the file when there
   *     is one, else {@link #DEFAULTS_SOURCE}
   * @throws ConfigException when a value has the wrong type or breaks a record's check
   */
  static RunConfig resolve(Map<String, GivenValue> given, GivenValue.Origin fallback) {
    ScalarConverter converter = new ScalarConverter();
    RunConfig defaults = RunConfig.defaults();
    Map<String, Object> values = new HashMap<>();
    for (Key k : ConfigSchema.KEYS) {
      GivenValue g = given.get(k.dotted());
      values.put(k.dotted(), g == null ? k.read().apply(defaults) : converter.convert(k, g));
    }
    try {
      return ConfigSchema.build(values);
    } catch (ConfigException e) {
      GivenValue.Origin origin = e.key().map(given::get).map(GivenValue::origin).orElse(
          given.isEmpty() || !fallback.source().equals(DEFAULTS_SOURCE)
              ? fallback : new GivenValue.Origin(SetOverrides.SOURCE, OptionalInt.empty()));
      List<String> overridden = overriddenPartners(e, given);
      if (origin.source().equals(SetOverrides.SOURCE) || overridden.isEmpty()) {
        throw e.at(origin.source(), origin.line());
      }
      // A check across keys (budget >= population) blames the key it tests, which may be the
      // file's while the --set beside it broke the rule: say so, or the user edits the wrong one.
      throw new ConfigException(origin.source(), origin.line(), e.key().orElse(null),
          e.detail() + " (" + SetOverrides.SOURCE + " gave " + String.join(", ", overridden)
              + ")",
          e);
    }
  }

  /**
   * The keys {@code --set} gave that the error names as the other side of its rule (a check
   * across keys writes it, as in {@code >= search.population (50)}); a key merely set beside the
   * failing one is not named.
   */
  private static List<String> overriddenPartners(ConfigException e,
      Map<String, GivenValue> given) {
    return given.entrySet().stream()
        .filter(g -> g.getValue().origin().source().equals(SetOverrides.SOURCE))
        .map(Map.Entry::getKey)
        .filter(k -> !k.equals(e.key().orElse(null)) && Pattern.compile(
            "(?<![\\w.-])" + Pattern.quote(k) + "(?![\\w-])").matcher(e.detail()).find())
        .toList();
  }
}

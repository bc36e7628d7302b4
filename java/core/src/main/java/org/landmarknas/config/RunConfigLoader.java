package org.landmarknas.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Reads run configurations: built-in defaults, overlaid by a YAML file, overlaid by {@code
 * key=value} overrides (the CLI's {@code --set}). Strict: an unknown key, a value of the wrong
 * type or out of range, or malformed YAML is a {@link ConfigException} naming the file (or
 * {@code --set}), line, full dotted key and what is allowed. Nothing is half-loaded.
 *
 * <p>YAML is read with snakeyaml's node composer and its safe constructor: plain scalars,
 * mappings and the standard tags only, never arbitrary Java types. Keys missing from the file keep
 * their defaults ({@link RunConfig#defaults()}); an empty section ({@code train:}) is all defaults.
 * String keys take the scalar's text as written ({@code name: 2024} is the name "2024").
 *
 * <p>This is the package's entry point; the work is done by {@link ConfigFileReader} (the file,
 * with lines), {@link SetOverrides} ({@code --set}), {@link ConfigResolver} (typing, defaults and
 * validation) and {@link RunConfigWriter} (writing the result back).
 */
public final class RunConfigLoader {

  /** Source named in errors about {@code key=value} overrides. */
  public static final String OVERRIDE_SOURCE = SetOverrides.SOURCE;
  /** Source named in errors about a key nobody set (cross-key checks such as lr-min &lt;= lr). */
  public static final String DEFAULTS_SOURCE = ConfigResolver.DEFAULTS_SOURCE;

  private RunConfigLoader() {}

  /**
   * Loads {@code file} over the defaults, then applies {@code overrides}.
   *
   * @param file a YAML file with the keys of {@link RunConfig} (any subset)
   * @param overrides {@code key=value} strings with dotted keys, applied in order
   * @throws ConfigException when the file cannot be read or any key or value is invalid
   */
  public static RunConfig load(Path file, List<String> overrides) {
    Map<String, GivenValue> given = new LinkedHashMap<>();
    ConfigFileReader.addTo(file, given);
    SetOverrides.addTo(overrides, given);
    return ConfigResolver.resolve(given,
        new GivenValue.Origin(file.toString(), OptionalInt.empty()));
  }

  /**
   * The defaults with {@code overrides} applied.
   *
   * @param overrides {@code key=value} strings with dotted keys, applied in order
   * @throws ConfigException when an override names an unknown key or an invalid value
   */
  public static RunConfig fromDefaults(List<String> overrides) {
    Map<String, GivenValue> given = new LinkedHashMap<>();
    SetOverrides.addTo(overrides, given);
    return ConfigResolver.resolve(given,
        new GivenValue.Origin(DEFAULTS_SOURCE, OptionalInt.empty()));
  }

  /**
   * An override that sets {@code key} to exactly {@code value} as a string, whatever YAML would
   * make of it unquoted (e.g. a directory named {@code ~} or {@code 2024}).
   */
  public static String literalOverride(String key, String value) {
    return SetOverrides.literal(key, value);
  }

  /**
   * The resolved config as YAML: every key, in file order, with the names the loader reads.
   * {@link #load} of this text gives a record equal to {@code config}.
   */
  public static String toYaml(RunConfig config) {
    return RunConfigWriter.yaml(config);
  }

  /**
   * The resolved config as nested maps in file order (top-level keys, then one map per section),
   * e.g. to embed in a JSON result.
   */
  public static Map<String, Object> toMap(RunConfig config) {
    return RunConfigWriter.map(config);
  }
}

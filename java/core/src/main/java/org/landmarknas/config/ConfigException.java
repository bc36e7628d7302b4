package org.landmarknas.config;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A run configuration that cannot be used: malformed YAML, an unknown key, a value of the wrong
 * type or outside its allowed range. The message reads like a compiler diagnostic,
 * {@code <source>[:<line>]: <key>: <what is wrong>}, for example
 * {@code configs/quick.yaml:7: train.epochs: 0 is out of range (allowed: >= 1)}.
 *
 * <p>Section records throw it without a source (they do not know where a value came from); the
 * loader adds the source with {@link #at(String, OptionalInt)}. It is an {@link
 * IllegalArgumentException}, so callers that treat bad input uniformly need no extra case.
 */
public class ConfigException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;
  private final String key;
  private final String detail;

  /**
   * An error about one key, source not (yet) known.
   *
   * @param key the full dotted key, e.g. {@code train.epochs}
   * @param detail what is wrong and what is allowed
   */
  public ConfigException(String key, String detail) {
    this(null, OptionalInt.empty(), key, detail, null);
  }

  /**
   * An error with everything known.
   *
   * @param source the config file, {@code --set} or {@code defaults}; null when unknown
   * @param line the 1-based line in {@code source}, if it is a file
   * @param key the full dotted key; null when the error is not about one key (e.g. bad YAML)
   * @param detail what is wrong and what is allowed
   * @param cause the underlying exception, or null
   */
  public ConfigException(String source, OptionalInt line, String key, String detail,
      Throwable cause) {
    super(format(source, line, key, detail), cause);
    this.source = source;
    this.line = line.orElse(0);
    this.key = key;
    this.detail = detail;
  }

  /** Where the bad value came from: a file path, {@code --set} or {@code defaults}. */
  public Optional<String> source() {
    return Optional.ofNullable(source);
  }

  /** The 1-based line in the source file, when the source is a file. */
  public OptionalInt line() {
    return line > 0 ? OptionalInt.of(line) : OptionalInt.empty();
  }

  /** The full dotted key, e.g. {@code train.epochs}; empty for errors not about one key. */
  public Optional<String> key() {
    return Optional.ofNullable(key);
  }

  /** The message without source and key. */
  public String detail() {
    return detail;
  }

  /** The same error attributed to {@code source} (and line); keeps this one as the cause. */
  public ConfigException at(String source, OptionalInt line) {
    return new ConfigException(source, line, key, detail, this);
  }

  private static String format(String source, OptionalInt line, String key, String detail) {
    StringBuilder sb = new StringBuilder();
    if (source != null) {
      sb.append(source);
      line.ifPresent(l -> sb.append(':').append(l));
      sb.append(": ");
    }
    if (key != null) {
      sb.append(key).append(": ");
    }
    return sb.append(detail).toString();
  }
}

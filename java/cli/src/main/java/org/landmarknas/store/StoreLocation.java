package org.landmarknas.store;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import org.postgresql.Driver;

/**
 * Where a results store lives, as {@code --store} names it: a SQLite file (any path) or a
 * PostgreSQL database ({@code jdbc:postgresql://host:port/database?user=NAME}), which workers on
 * several machines can share. The location picks the store's {@link Dialect}.
 */
public final class StoreLocation {

  /** What {@code --store} accepts, for messages. */
  public static final String EXPECTED = "a SQLite file path or a PostgreSQL JDBC URL"
      + " (jdbc:postgresql://host:port/database?user=NAME)";

  private static final String POSTGRES_PREFIX = "jdbc:postgresql:";
  private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&]*");

  private final Path file;
  private final String url;

  private StoreLocation(Path file, String url) {
    this.file = file;
    this.url = url;
  }

  /** The SQLite store in {@code file}. */
  public static StoreLocation file(Path file) {
    return new StoreLocation(Objects.requireNonNull(file, "file").toAbsolutePath(), null);
  }

  /**
   * Reads a {@code --store} value: a {@code jdbc:postgresql:} URL, else a file path.
   *
   * @throws IllegalArgumentException naming the value and what was expected when it is blank, a
   *     URL of another database, a PostgreSQL URL the driver cannot parse, or not a path
   */
  public static StoreLocation parse(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("results store \"" + value + "\": expected " + EXPECTED);
    }
    String lower = value.toLowerCase(Locale.ROOT);
    if (lower.startsWith("postgres://") || lower.startsWith("postgresql://")) {
      throw new IllegalArgumentException("results store " + mask(value) + ": a libpq URI, but"
          + " the store takes a JDBC URL: jdbc:postgresql://host:port/database?user=NAME");
    }
    if (lower.startsWith("jdbc:")) {
      if (!lower.startsWith(POSTGRES_PREFIX)) {
        throw new IllegalArgumentException("results store " + mask(value) + ": only PostgreSQL"
            + " JDBC URLs are supported; expected " + EXPECTED);
      }
      Properties parsed = Driver.parseURL(value, null);
      if (parsed == null) {
        throw new IllegalArgumentException("results store " + mask(value) + ": not a valid"
            + " PostgreSQL JDBC URL; expected jdbc:postgresql://host:port/database?user=NAME");
      }
      return new StoreLocation(null, value);
    }
    try {
      return file(Path.of(value));
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("results store \"" + value + "\": not a file path ("
          + e.getReason() + "); expected " + EXPECTED, e);
    }
  }

  /** The SQLite file, or empty for a database server. */
  public Optional<Path> sqliteFile() {
    return Optional.ofNullable(file);
  }

  /**
   * A short name that carries no path or host of the machine it ran on: the file's name, or the
   * PostgreSQL database's name.
   */
  public String shortName() {
    if (file != null) {
      return String.valueOf(file.getFileName());
    }
    Properties parsed = Driver.parseURL(url, null);
    return "postgresql:" + parsed.getProperty("PGDBNAME", "");
  }

  /** The dialect that speaks to this location's database. */
  Dialect dialect() {
    return file != null ? new SqliteDialect(file) : new PostgresDialect(url, toString());
  }

  /** The file path, or the URL with any password hidden: the store's name in every message. */
  @Override
  public String toString() {
    return file != null ? file.toString() : mask(url);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StoreLocation l && Objects.equals(file, l.file)
        && Objects.equals(url, l.url);
  }

  @Override
  public int hashCode() {
    return Objects.hash(file, url);
  }

  private static String mask(String value) {
    return PASSWORD.matcher(value).replaceAll("$1***");
  }
}

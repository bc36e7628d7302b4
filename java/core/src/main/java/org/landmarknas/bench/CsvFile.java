package org.landmarknas.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One of the project's small CSV tables (an {@code arch,score} file, the NB201 table), read whole
 * as UTF-8: its lines, numbered from 1 as an editor shows them, with the byte-order mark that
 * spreadsheets put before the header dropped, and errors that name the file and the line so a
 * user can fix the file without guessing. Only a leading mark is dropped: anywhere else it is a
 * damaged file, not an export artefact.
 */
final class CsvFile {
  /** The most of a bad header an error quotes. */
  private static final int MAX_QUOTED = 120;


  private static final String BOM = "\uFEFF";

  private final String what;          // how errors name the file: "landmark file", "NB201 table"
  private final Path path;
  private final List<String> lines;   // index 0 = line 1, the header, without a BOM

  private CsvFile(String what, Path path, List<String> lines) {
    this.what = what;
    this.path = path;
    this.lines = lines;
  }

  /**
   * Reads {@code path}; {@code what} names it in errors.
   *
   * @throws UncheckedIOException when the file cannot be read (absent, not UTF-8)
   */
  static CsvFile read(String what, Path path) {
    List<String> lines;
    try {
      lines = Files.readAllLines(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(String.format(Locale.ROOT, "cannot read %s %s: %s", what,
          path, e.getMessage()), e);
    }
    if (!lines.isEmpty() && lines.get(0).startsWith(BOM)) {
      lines.set(0, lines.get(0).substring(BOM.length()));
    }
    return new CsvFile(what, path, lines);
  }

  /** The first line, without a leading byte-order mark; empty for an empty file. */
  Optional<String> header() {
    return lines.isEmpty() ? Optional.empty() : Optional.of(lines.get(0));
  }

  /** Number of lines, the header included. */
  int lineCount() {
    return lines.size();
  }

  /** Line {@code lineNo}, 1-based as in {@link #error}. */
  String line(int lineNo) {
    return lines.get(lineNo - 1);
  }

  /** An error on line {@code lineNo}, its message starting with the file and the line. */
  IllegalArgumentException error(int lineNo, String format, Object... args) {
    return new IllegalArgumentException(String.format(Locale.ROOT, "%s %s line %d: ", what, path,
        lineNo) + String.format(Locale.ROOT, format, args));
  }

  /**
   * The error for a header that is not {@code expected}. A long first line is cut: a JSON file
   * given where a CSV belongs is one line of a megabyte.
   */
  IllegalArgumentException headerError(String expected) {
    return error(1, "expected header \"%s\", got %s", expected,
        header().map(h -> "\"" + (h.length() > MAX_QUOTED ? h.substring(0, MAX_QUOTED)
            + "\"... (" + h.length() + " characters)" : h + "\"")).orElse("an empty file"));
  }
}

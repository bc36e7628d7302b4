package org.landmarknas.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.landmarknas.run.AtomicFile;
import org.landmarknas.space.SearchSpace;

/**
 * The {@code arch,score} file format, read and written: ground-truth files, evaluation pools
 * ({@code pool.csv}) and landmark files all use it, so one set of rules decides what such a file
 * may hold, and whatever is written reads back.
 *
 * <pre>
 * arch,score
 * |nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|,93.76
 * </pre>
 *
 * <p>UTF-8; a byte-order mark before the header is dropped (spreadsheets write one); the header is
 * {@code arch,score}, spaces around it allowed; then one row per line, exactly two columns, each
 * stripped of spaces; blank lines are skipped. A score is a {@link PlainDecimal} in [0, 100]
 * (stand-alone accuracy in percent), so {@code NaN}, {@code 90d} or {@code 0x1p6}, which
 * {@link Double#parseDouble} would take, are errors. Every error names the file and the 1-based
 * line and is an {@link IllegalArgumentException} (the CLI's exit code 2); a file that cannot be
 * read at all is an {@link UncheckedIOException}.
 *
 * <p>Repeats: the same architecture twice is always an error, since which score counts would be a
 * guess. Two <em>equivalent</em> architectures (same {@link SearchSpace#canonicalKey}) are an
 * error only under {@link Distinct#EQUIVALENCE_CLASSES}, which landmark files use: equivalent
 * landmarks would be ranked against each other though they compute the same function. Ground
 * truth keeps {@link Distinct#ARCHITECTURES}: a benchmark table holds every cell of the space,
 * equivalent ones included, each trained on its own, and {@link GroundTruth#byClass()} relies on
 * seeing such entries. These were the two readers' rules before they shared this class, and both
 * are kept.
 *
 * <p>Not here: the check that a whole table is not fractions (0.93 for 93 %) belongs to {@link
 * GroundTruth}, whose S-KdT bins percent values; a landmark set only needs its scores' order.
 *
 * @param what how messages name a file of this kind ("ground-truth file", "landmark file")
 * @param distinct which repeats a file may not hold
 * @param space the space whose architectures the first column writes
 * @param <A> the space's architecture type
 */
public record ArchScoreCsv<A>(String what, Distinct distinct, SearchSpace<A> space) {

  /** The header line. */
  public static final String HEADER = "arch,score";

  /** What two rows of one file must differ in. */
  public enum Distinct {
    /** Architecture strings: no architecture twice; equivalent ones allowed. */
    ARCHITECTURES,
    /** Equivalence classes: no two architectures with the same canonical form. */
    EQUIVALENCE_CLASSES
  }

  /**
   * One row: an architecture and its stand-alone accuracy in percent.
   *
   * @param arch the architecture
   * @param score in [0, 100]
   * @param <A> the architecture type
   */
  public record Row<A>(A arch, double score) {

    /** Validates the components; see the record description. */
    public Row {
      Objects.requireNonNull(arch, "arch");
      if (!inRange(score)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "%s: score %s is outside [0, 100] (expected stand-alone accuracy in percent)", arch,
            score));
      }
    }
  }

  /** Validates the components; see the record description. */
  public ArchScoreCsv {
    if (what == null || what.isBlank()) {
      throw new IllegalArgumentException("an arch,score codec needs a name for its files");
    }
    Objects.requireNonNull(distinct, "distinct");
    Objects.requireNonNull(space, "space");
  }

  /**
   * The rows of {@code file}, in file order.
   *
   * @throws IllegalArgumentException naming the file and line when the header, the column count,
   *     an architecture, a score or a repeat is wrong
   * @throws UncheckedIOException when the file cannot be read
   */
  public List<Row<A>> read(Path file) {
    Objects.requireNonNull(file, "file");
    return rows(CsvFile.read(what, file));
  }

  /** The rows of a file already read (by {@link GroundTruth}, which looks at its header first). */
  List<Row<A>> rows(CsvFile csv) {
    if (!csv.header().map(String::strip).orElse("").equals(HEADER)) {
      throw csv.headerError(HEADER);
    }
    List<Row<A>> rows = new ArrayList<>();
    Repeats repeats = new Repeats();
    for (int lineNo = 2; lineNo <= csv.lineCount(); lineNo++) {
      String line = csv.line(lineNo);
      if (line.isBlank()) {
        continue;
      }
      Row<A> row = parseRow(csv, lineNo, line);
      String clash = repeats.add(row.arch(), lineNo);
      if (clash != null) {
        throw csv.error(lineNo, "%s", clash);
      }
      rows.add(row);
    }
    return rows;
  }

  private Row<A> parseRow(CsvFile csv, int lineNo, String line) {
    String[] cols = line.split(",", -1);
    if (cols.length != 2) {
      throw csv.error(lineNo, "expected 2 comma-separated columns (%s), got %d in \"%s\"", HEADER,
          cols.length, line);
    }
    A arch;
    try {
      arch = space.parse(cols[0].strip());
    } catch (IllegalArgumentException e) {
      throw csv.error(lineNo, "bad arch: %s", e.getMessage());
    }
    String text = cols[1].strip();
    if (!PlainDecimal.matches(text)) {
      throw csv.error(lineNo, "score \"%s\" is not a decimal number (expected a percentage in"
          + " [0, 100], such as 93.5)", text);
    }
    double score = Double.parseDouble(text);
    if (!inRange(score)) {
      throw csv.error(lineNo, "score %s is outside [0, 100] (expected stand-alone accuracy in"
          + " percent)", text);
    }
    return new Row<>(arch, score);
  }

  private static boolean inRange(double score) {
    return score >= 0.0 && score <= 100.0;   // false for NaN
  }

  /**
   * Writes {@code rows} in the given order, atomically (a reader or a crash sees the old file or
   * the new one, never a part), scores in {@link PlainDecimal#format} so they read back as the
   * same doubles.
   *
   * @throws IllegalArgumentException when the rows hold a repeat that {@link #read} would refuse
   * @throws UncheckedIOException when the file cannot be written
   */
  public void write(Path file, List<Row<A>> rows) {
    Objects.requireNonNull(file, "file");
    StringBuilder sb = new StringBuilder(HEADER).append('\n');
    Repeats repeats = new Repeats();
    for (int i = 0; i < rows.size(); i++) {
      Row<A> r = Objects.requireNonNull(rows.get(i), "row");
      String clash = repeats.add(r.arch(), i + 2);
      if (clash != null) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "cannot write %s %s: line %d: %s", what, file, i + 2, clash));
      }
      sb.append(space.format(r.arch())).append(',').append(PlainDecimal.format(r.score())).append(
          '\n');
    }
    try {
      AtomicFile.write(file, sb.toString().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(String.format(Locale.ROOT, "cannot write %s %s: %s", what,
          file, e.getMessage()), e);
    }
  }

  /**
   * Writes {@code archs.get(i)} with {@code scores.get(i)}, as {@link #write(Path, List)}: the
   * form an evaluation pool holds its ground truth in.
   *
   * @throws IllegalArgumentException when the lists differ in length, a score is outside
   *     [0, 100], or the rows hold a repeat that {@link #read} would refuse
   */
  public void write(Path file, List<A> archs, List<Double> scores) {
    if (archs.size() != scores.size()) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "cannot write %s %s: %d architectures but %d scores", what, file, archs.size(),
          scores.size()));
    }
    List<Row<A>> rows = new ArrayList<>(archs.size());
    for (int i = 0; i < archs.size(); i++) {
      rows.add(new Row<>(archs.get(i), scores.get(i)));
    }
    write(file, rows);
  }

  /** The rows seen so far, by the key {@link #distinct} compares, with their lines. */
  private final class Repeats {
    private final Map<Object, Seen<A>> seen = new HashMap<>();

    private record Seen<A>(int line, A arch) {}

    /** Records {@code arch} on {@code lineNo}; what is wrong if it repeats a row, else null. */
    String add(A arch, int lineNo) {
      Object key = distinct == Distinct.ARCHITECTURES ? arch : space.canonicalKey(arch);
      Seen<A> prior = seen.putIfAbsent(key, new Seen<>(lineNo, arch));
      if (prior == null) {
        return null;
      }
      String expected = distinct == Distinct.ARCHITECTURES ? "each architecture at most once"
          : "each equivalence class of architectures at most once";
      if (prior.arch().equals(arch)) {
        return String.format(Locale.ROOT, "architecture %s duplicates the one on line %d"
            + " (expected %s)", arch, prior.line(), expected);
      }
      return String.format(Locale.ROOT, "architecture %s is equivalent to the one on line %d"
          + " (%s, same canonical form %s) (expected %s)", arch, prior.line(), prior.arch(), key,
          expected);
    }
  }
}

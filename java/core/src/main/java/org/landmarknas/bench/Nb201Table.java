package org.landmarknas.bench;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Skeleton;

/**
 * A NAS-Bench-201 tabular benchmark: for each architecture its benchmark index and stand-alone
 * validation and test accuracy (percent). Immutable and thread-safe.
 *
 * <p>The benchmark index is the row id of the published table; it is unrelated to {@link
 * Nb201Arch#code()}, and this class is the only place that maps one to the other. A table need not
 * cover the whole space: lookups of absent architectures or indices return empty.
 *
 * <p>File format ({@link #load(Path)}), UTF-8, one header line then one row per line:
 *
 * <pre>
 * index,arch_str,valid_accuracy,test_accuracy
 * 0,|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|...|,81.9827,81.5200
 * </pre>
 */
public final class Nb201Table {

  /** The header line the loader requires, byte for byte. */
  public static final String HEADER = "index,arch_str,valid_accuracy,test_accuracy";

  private static final int COLUMNS = 4;
  private static final Pattern INDEX = Pattern.compile("\\d+");

  /**
   * One table row.
   *
   * @param index the benchmark's row index, non-negative
   * @param arch the architecture
   * @param validAccuracy stand-alone validation accuracy in percent, in [0, 100]
   * @param testAccuracy stand-alone test accuracy in percent, in [0, 100]
   */
  /** The network of the published table: CIFAR-10 images, C=16, N=5. */
  public static final Skeleton PUBLISHED_NETWORK = new Skeleton(3, 32, 32, 10, 16, 5);

  public record Row(int index, Nb201Arch arch, double validAccuracy, double testAccuracy) {

    /** Validates every field; see the record components. */
    public Row {
      if (index < 0) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "NB201 row index %d is negative (expected >= 0)", index));
      }
      Objects.requireNonNull(arch, "arch");
      checkAccuracy("validAccuracy", validAccuracy);
      checkAccuracy("testAccuracy", testAccuracy);
    }

    private static void checkAccuracy(String name, double value) {
      if (!(value >= 0.0 && value <= 100.0)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "NB201 row %s %s outside [0, 100] (expected a percentage)", name, value));
      }
    }
  }

  private final List<Row> rows;         // ascending index
  private final int[] indices;          // rows' indices, for binary search
  private final Row[] byCode;           // arch code -> row, null where absent

  private Nb201Table(List<Row> sortedRows) {
    this.rows = List.copyOf(sortedRows);
    this.indices = new int[rows.size()];
    this.byCode = new Row[Nb201Arch.SPACE_SIZE];
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      indices[i] = r.index();
      byCode[r.arch().code()] = r;
    }
  }

  /**
   * Builds a table from rows in any order.
   *
   * @throws IllegalArgumentException if two rows share an index or an architecture
   */
  public static Nb201Table of(Collection<Row> rows) {
    List<Row> sorted = new ArrayList<>(rows);
    sorted.forEach(r -> Objects.requireNonNull(r, "row"));
    sorted.sort(Comparator.comparingInt(Row::index));
    Row[] seen = new Row[Nb201Arch.SPACE_SIZE];
    for (int i = 0; i < sorted.size(); i++) {
      Row r = sorted.get(i);
      if (i > 0 && sorted.get(i - 1).index() == r.index()) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "NB201 table: index %d appears twice (expected unique indices)", r.index()));
      }
      Row other = seen[r.arch().code()];
      if (other != null) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "NB201 table: architecture %s appears at indices %d and %d (expected unique"
                + " architectures)", r.arch(), other.index(), r.index()));
      }
      seen[r.arch().code()] = r;
    }
    return new Nb201Table(sorted);
  }

  /**
   * Loads a table file in the format described in the class Javadoc.
   *
   * @throws IllegalArgumentException naming the file, the 1-based line and what was expected,
   *     when the header, a column count, a number, an architecture string or an accuracy is
   *     wrong, or when an index or architecture repeats
   * @throws UncheckedIOException when the file cannot be read
   */
  public static Nb201Table load(Path path) {
    Objects.requireNonNull(path, "path");
    List<Row> rows = new ArrayList<>();
    int[] lineOfCode = new int[Nb201Arch.SPACE_SIZE]; // 0 = not seen yet
    Map<Integer, Integer> lineOfIndex = new HashMap<>();
    CsvFile csv = CsvFile.read("NB201 table", path);
    if (!csv.header().orElse("").equals(HEADER)) {
      throw csv.headerError(HEADER);
    }
    for (int lineNo = 2; lineNo <= csv.lineCount(); lineNo++) {
      Row row = parseRow(csv, lineNo, csv.line(lineNo));
      Integer prevIndexLine = lineOfIndex.putIfAbsent(row.index(), lineNo);
      if (prevIndexLine != null) {
        throw csv.error(lineNo, "index %d already appears on line %d (expected unique"
            + " indices)", row.index(), prevIndexLine);
      }
      int code = row.arch().code();
      if (lineOfCode[code] != 0) {
        throw csv.error(lineNo, "architecture %s already appears on line %d (expected"
            + " unique architectures)", row.arch(), lineOfCode[code]);
      }
      lineOfCode[code] = lineNo;
      rows.add(row);
    }
    return of(rows);
  }

  private static Row parseRow(CsvFile csv, int lineNo, String line) {
    String[] cols = line.split(",", -1);
    if (cols.length != COLUMNS) {
      throw csv.error(lineNo, "expected %d comma-separated columns (%s), got %d in \"%s\"",
          COLUMNS, HEADER, cols.length, line);
    }
    if (!INDEX.matcher(cols[0]).matches()) {
      throw csv.error(lineNo, "column index \"%s\" is not a non-negative integer", cols[0]);
    }
    int index;
    try {
      index = Integer.parseInt(cols[0]);
    } catch (NumberFormatException e) {
      throw csv.error(lineNo, "column index \"%s\" is too large (expected 0..%d)", cols[0],
          Integer.MAX_VALUE);
    }
    Nb201Arch arch;
    try {
      arch = Nb201Arch.parse(cols[1]);
    } catch (IllegalArgumentException e) {
      throw csv.error(lineNo, "bad arch_str: %s", e.getMessage());
    }
    double valid = accuracy(csv, lineNo, "valid_accuracy", cols[2]);
    double test = accuracy(csv, lineNo, "test_accuracy", cols[3]);
    return new Row(index, arch, valid, test);
  }

  private static double accuracy(CsvFile csv, int lineNo, String column, String text) {
    if (!PlainDecimal.matches(text)) {
      throw csv.error(lineNo, "column %s \"%s\" is not a number (expected a decimal percentage"
          + " in [0, 100])", column, text);
    }
    double v = Double.parseDouble(text);
    if (!(v >= 0.0 && v <= 100.0)) {
      throw csv.error(lineNo, "column %s %s is outside [0, 100] (expected a percentage)",
          column, text);
    }
    return v;
  }

  /** Number of rows. */
  public int size() {
    return rows.size();
  }

  /** All rows in ascending index order; immutable. */
  public List<Row> rows() {
    return rows;
  }

  /** The row of this architecture, if the table has it. */
  public Optional<Row> row(Nb201Arch arch) {
    Objects.requireNonNull(arch, "arch");
    return Optional.ofNullable(byCode[arch.code()]);
  }

  /** The benchmark index of this architecture, if the table has it. */
  public OptionalInt indexOf(Nb201Arch arch) {
    Row r = row(arch).orElse(null);
    return r == null ? OptionalInt.empty() : OptionalInt.of(r.index());
  }

  /** The row with this benchmark index, if any. */
  public Optional<Row> rowAt(int index) {
    int i = Arrays.binarySearch(indices, index);
    return i < 0 ? Optional.empty() : Optional.of(rows.get(i));
  }

  /** The architecture with this benchmark index, if any. */
  public Optional<Nb201Arch> arch(int index) {
    return rowAt(index).map(Row::arch);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "Nb201Table[%d rows]", rows.size());
  }
}

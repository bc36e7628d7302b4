package org.landmarknas.standalone;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.landmarknas.space.SearchSpace;
import org.landmarknas.space.Skeleton;

/**
 * The stand-alone results of one protocol as the CSV table {@code lmnas standalone export}
 * writes and {@code import} reads back: every result with its cost, accuracies in percent to 4
 * decimals. The committed benchmark tables are such files, so a lost store is restored from one
 * and a generation continues from it instead of retraining; the format must not change.
 *
 * @param <A> the architecture type of the protocol's space
 * @param protocol the protocol of every row (its skeleton gives the MACs column)
 * @param space the protocol's space, which writes and parses the arch column and counts MACs
 * @param results the rows, in order
 */
public record StandaloneTable<A>(StandaloneProtocol protocol, SearchSpace<A> space,
    List<StandaloneResult<A>> results) {

  /** The header line, which {@link #read} requires. */
  public static final String CSV_HEADER = "arch,protocol,seed,valid_accuracy,valid_loss,"
      + "test_accuracy,test_loss,parameters,macs,wall_seconds";
  private static final String[] COLUMNS = CSV_HEADER.split(",");

  /**
   * Checks that {@code space} is the protocol's.
   *
   * @throws IllegalArgumentException naming both spaces when it is not
   */
  public StandaloneTable {
    protocol.requireSpace(space);
    results = List.copyOf(results);
  }

  /** Writes the header and one line per result. */
  public void write(PrintStream out) {
    out.println(CSV_HEADER);
    Skeleton skeleton = protocol.skeleton();
    for (StandaloneResult<A> r : results) {
      out.printf(Locale.ROOT, "%s,%s,%d,%.4f,%.5f,%.4f,%.5f,%d,%d,%.1f%n", space.format(r.arch()),
          r.protocol(), r.seed(), 100 * r.validAccuracy(), r.validLoss(),
          100 * r.testAccuracy(), r.testLoss(), r.parameters(),
          space.cost(r.arch(), skeleton).macs(), r.wallSeconds());
    }
  }

  /**
   * Reads a table of {@code protocol}, whose architectures {@code space} (the protocol's) parses;
   * blank lines are skipped, the macs column is not read (it follows from the architecture).
   * Accuracies become the doubles training computes ({@link
   * StandaloneResult#accuracyFromPercent}).
   *
   * @throws IllegalArgumentException naming the file and line of a wrong header, field count,
   *     number or architecture, or of a row of another protocol; or naming both spaces when
   *     {@code space} is not the protocol's
   */
  public static <A> StandaloneTable<A> read(Path file, StandaloneProtocol protocol,
      SearchSpace<A> space) throws IOException {
    protocol.requireSpace(space);
    List<String> lines = Files.readAllLines(file);
    if (lines.isEmpty() || !lines.get(0).strip().equals(CSV_HEADER)) {
      throw new IllegalArgumentException(file + ":1: expected the header " + CSV_HEADER
          + ", found " + (lines.isEmpty() ? "an empty file" : "\"" + lines.get(0).strip() + "\""));
    }
    List<StandaloneResult<A>> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      try {
        rows.add(parseRow(line, protocol, space));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return new StandaloneTable<>(protocol, space, rows);
  }

  private static <A> StandaloneResult<A> parseRow(String line, StandaloneProtocol protocol,
      SearchSpace<A> space) {
    String[] f = line.split(",", -1);
    if (f.length != COLUMNS.length) {
      throw new IllegalArgumentException("expected " + COLUMNS.length + " fields, got "
          + f.length);
    }
    if (!f[1].equals(protocol.name())) {
      throw new IllegalArgumentException("protocol " + f[1] + " is not " + protocol.name()
          + " (pass the options that name the table's protocol: --channels, --epochs,"
          + " --train-limit, --test-limit, --valid-images)");
    }
    return new StandaloneResult<>(space.parse(f[0]), f[1], longField(f, 2),
        StandaloneResult.accuracyFromPercent(doubleField(f, 3)), doubleField(f, 4),
        StandaloneResult.accuracyFromPercent(doubleField(f, 5)), doubleField(f, 6),
        longField(f, 7), doubleField(f, 9));
  }

  private static long longField(String[] fields, int i) {
    try {
      return Long.parseLong(fields[i].strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(COLUMNS[i] + " \"" + fields[i] + "\" is not an integer",
          e);
    }
  }

  private static double doubleField(String[] fields, int i) {
    try {
      return Double.parseDouble(fields[i].strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(COLUMNS[i] + " \"" + fields[i] + "\" is not a number",
          e);
    }
  }
}

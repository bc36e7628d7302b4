package org.landmarknas.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;

/**
 * Stand-alone accuracies (percent) of architectures, from a file: either a plain CSV with header
 * {@code arch,score} or the NAS-Bench-201 table format ({@link Nb201Table#HEADER}, whose
 * {@code test_accuracy} column is taken). What evaluation pools and search results are compared
 * against.
 */
public final class GroundTruth implements StandaloneScores {
  public static final String CSV_HEADER = "arch,score";

  private final String source;
  private final Map<Nb201Arch, Double> scores;
  private final double[] sortedDescending;

  private GroundTruth(String source, Map<Nb201Arch, Double> scores) {
    this.source = source;
    this.scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
    this.sortedDescending = scores.values().stream().mapToDouble(Double::doubleValue)
        .map(v -> -v).sorted().map(v -> -v).toArray();
  }

  /** Ground truth from explicit values (e.g. a stand-alone results store). */
  public static GroundTruth of(String source, Map<Nb201Arch, Double> scores) {
    for (Map.Entry<Nb201Arch, Double> e : scores.entrySet()) {
      checkScore(source, 0, e.getValue());
    }
    return new GroundTruth(source, scores);
  }

  /**
   * Reads either format, detected by the header line.
   *
   * @throws IllegalArgumentException naming the file and line for any malformed content
   */
  public static GroundTruth load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("ground-truth file " + file + " does not exist");
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read ground-truth file " + file, e);
    }
    String header = lines.isEmpty() ? "" : lines.get(0).replace("\uFEFF", "").strip();
    if (header.equals(Nb201Table.HEADER)) {
      Map<Nb201Arch, Double> m = new LinkedHashMap<>();
      for (Nb201Table.Row r : Nb201Table.load(file).rows()) {
        m.put(r.arch(), r.testAccuracy());
      }
      return new GroundTruth(file.toString(), m);
    }
    if (!header.equals(CSV_HEADER)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "ground-truth file %s line 1: header \"%s\" is neither \"%s\" nor \"%s\"", file, header,
          CSV_HEADER, Nb201Table.HEADER));
    }
    Map<Nb201Arch, Double> m = new LinkedHashMap<>();
    Map<Nb201Arch, Integer> firstLine = new HashMap<>();
    for (int i = 1; i < lines.size(); i++) {
      int lineNo = i + 1;
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      int comma = line.lastIndexOf(',');
      if (comma < 0) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "ground-truth file %s line %d: expected \"arch,score\", got \"%s\"", file, lineNo, line));
      }
      Nb201Arch arch;
      try {
        arch = Nb201Arch.parse(line.substring(0, comma));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "ground-truth file %s line %d: %s", file, lineNo, e.getMessage()), e);
      }
      String text = line.substring(comma + 1).strip();
      if (!PlainDecimal.matches(text)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "ground-truth file %s line %d: score \"%s\" is not a decimal number", file, lineNo,
            text));
      }
      double score = Double.parseDouble(text);
      checkScore(file.toString(), lineNo, score);
      Integer before = firstLine.putIfAbsent(arch, lineNo);
      if (before != null) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "ground-truth file %s line %d: architecture %s already given on line %d", file,
            lineNo, arch, before));
      }
      m.put(arch, score);
    }
    requirePercent(file.toString(), m);
    return new GroundTruth(file.toString(), m);
  }

  /**
   * Refuses scores that look like fractions: S-KdT bins percent values to 0.1 points, so 0.93
   * read as percent would put a whole table in a handful of bins and make its S-KdT meaningless,
   * silently. No real accuracy table of two or more architectures has every score below 1 %.
   */
  private static void requirePercent(String source, Map<Nb201Arch, Double> scores) {
    double max = scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(100);
    if (scores.size() >= 2 && max <= 1.0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "ground truth %s: every"
          + " score is at most %s, which looks like accuracy as a fraction; scores are percent"
          + " (multiply by 100)", source, max));
    }
  }

  private static void checkScore(String source, int line, double score) {
    if (!(score >= 0 && score <= 100)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "ground truth %s%s: score %s outside [0, 100] (percent expected)", source,
          line > 0 ? " line " + line : "", score));
    }
  }

  public String source() {
    return source;
  }

  public int size() {
    return scores.size();
  }

  /** Every architecture with its score, in file order. */
  public Map<Nb201Arch, Double> scores() {
    return scores;
  }

  public List<Nb201Arch> archs() {
    return new ArrayList<>(scores.keySet());
  }

  @Override
  public OptionalDouble score(Nb201Arch arch) {
    Double s = scores.get(arch);
    return s == null ? OptionalDouble.empty() : OptionalDouble.of(s);
  }

  /**
   * These scores looked up by equivalence class: an architecture's own score when the source
   * has it, else the score of the one architecture of its class the source holds (a table keyed
   * by canonical forms and a list in drawn forms name the same trained cell differently); empty
   * when the source holds none of the class, or several (whose scores may differ) but not this
   * one.
   */
  public StandaloneScores byClass() {
    Map<Nb201Arch, Double> single = new HashMap<>();
    Map<Nb201Arch, Integer> count = new HashMap<>();
    for (Map.Entry<Nb201Arch, Double> e : scores.entrySet()) {
      Nb201Arch c = Nb201Space.INSTANCE.canonical(e.getKey());
      single.put(c, e.getValue());
      count.merge(c, 1, Integer::sum);
    }
    return arch -> {
      OptionalDouble own = score(arch);
      if (own.isPresent()) {
        return own;
      }
      Nb201Arch c = Nb201Space.INSTANCE.canonical(arch);
      return count.getOrDefault(c, 0) == 1 ? OptionalDouble.of(single.get(c))
          : OptionalDouble.empty();
    };
  }

  /**
   * Rank of {@code arch} among all architectures of this source, 1 = best; ties share the best
   * rank (competition ranking).
   */
  public OptionalInt rank(Nb201Arch arch) {
    Double s = scores.get(arch);
    if (s == null) {
      return OptionalInt.empty();
    }
    int better = 0;
    while (better < sortedDescending.length && sortedDescending[better] > s) {
      better++;
    }
    return OptionalInt.of(better + 1);
  }
}

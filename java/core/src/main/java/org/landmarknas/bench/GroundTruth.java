package org.landmarknas.bench;

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
import org.landmarknas.space.SearchSpace;

/**
 * Stand-alone accuracies (percent) of architectures, from a file: either an {@link ArchScoreCsv}
 * file ({@link #csv}) or the NAS-Bench-201 table format ({@link Nb201Table#HEADER}, whose
 * {@code test_accuracy} column is taken). What evaluation pools and search results are compared
 * against. Architectures are those of one {@link SearchSpace}; {@link #load(Path)} reads
 * NAS-Bench-201's.
 *
 * @param <A> the space's architecture type
 */
public final class GroundTruth<A> implements StandaloneScores<A> {
  public static final String CSV_HEADER = ArchScoreCsv.HEADER;

  private final String source;
  private final SearchSpace<A> space;
  private final Map<A, Double> scores;
  private final double[] sortedDescending;

  private GroundTruth(String source, SearchSpace<A> space, Map<A, Double> scores) {
    this.source = source;
    this.space = space;
    this.scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
    this.sortedDescending = scores.values().stream().mapToDouble(Double::doubleValue)
        .map(v -> -v).sorted().map(v -> -v).toArray();
  }

  /** Ground truth from explicit values (e.g. a stand-alone results store). */
  public static <A> GroundTruth<A> of(String source, SearchSpace<A> space,
      Map<A, Double> scores) {
    for (Map.Entry<A, Double> e : scores.entrySet()) {
      checkScore(source, 0, e.getValue());
    }
    return new GroundTruth<>(source, space, scores);
  }

  /** {@link #of(String, SearchSpace, Map)} of NAS-Bench-201 architectures. */
  public static GroundTruth<Nb201Arch> of(String source, Map<Nb201Arch, Double> scores) {
    return of(source, Nb201Space.INSTANCE, scores);
  }

  /**
   * The codec of ground-truth and evaluation-pool ({@code pool.csv}) files of {@code space}'s
   * architectures: equivalent architectures may both appear, as in a benchmark table.
   */
  public static <A> ArchScoreCsv<A> csv(SearchSpace<A> space) {
    return new ArchScoreCsv<>("ground-truth file", ArchScoreCsv.Distinct.ARCHITECTURES, space);
  }

  /** {@link #load(SearchSpace, Path)} of NAS-Bench-201 architectures. */
  public static GroundTruth<Nb201Arch> load(Path file) {
    return load(Nb201Space.INSTANCE, file);
  }

  /**
   * Reads an {@code arch,score} file ({@link #csv}) or the published NB201 table, told apart by
   * the header line, or a published JSON sample ({@code .json}: NASLib's NB101 and NB301 files,
   * {@link NasLibSample#load}) of {@code space}'s cells, so a config can name the
   * shipped tables directly.
   *
   * @throws IllegalArgumentException naming the file and line for any malformed content, or the
   *     file and the space when a JSON sample is not of {@code space}
   */
  public static <A> GroundTruth<A> load(SearchSpace<A> space, Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("ground-truth file " + file + " does not exist");
    }
    if (file.getFileName().toString().endsWith(".json")) {
      return NasLibSample.load(space, file).groundTruth();
    }
    ArchScoreCsv<A> codec = csv(space);
    CsvFile csv = CsvFile.read(codec.what(), file);
    String header = csv.header().orElse("").strip();
    if (header.equals(Nb201Table.HEADER)) {
      // The table holds NB201 cells: another space's parser names the first it cannot read.
      Map<A, Double> m = new LinkedHashMap<>();
      for (Nb201Table.Row r : Nb201Table.load(file).rows()) {
        m.put(space.parse(r.arch().toString()), r.testAccuracy());
      }
      return new GroundTruth<>(file.toString(), space, m);
    }
    if (!header.equals(CSV_HEADER)) {
      throw csv.error(1, "header \"%s\" is neither \"%s\" nor \"%s\"", header, CSV_HEADER,
          Nb201Table.HEADER);
    }
    Map<A, Double> m = new LinkedHashMap<>();
    for (ArchScoreCsv.Row<A> r : codec.rows(csv)) {
      m.put(r.arch(), r.score());
    }
    requirePercent(file.toString(), m);
    return new GroundTruth<>(file.toString(), space, m);
  }

  /**
   * Refuses scores that look like fractions: S-KdT bins percent values to 0.1 points, so 0.93
   * read as percent would put a whole table in a handful of bins and make its S-KdT meaningless,
   * silently. No real accuracy table of two or more architectures has every score below 1 %.
   */
  private static void requirePercent(String source, Map<?, Double> scores) {
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
  /** The space of these architectures. */
  public SearchSpace<A> space() {
    return space;
  }

  public Map<A, Double> scores() {
    return scores;
  }

  public List<A> archs() {
    return new ArrayList<>(scores.keySet());
  }

  @Override
  public OptionalDouble score(A arch) {
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
  public StandaloneScores<A> byClass() {
    Map<A, Double> single = new HashMap<>();
    Map<A, Integer> count = new HashMap<>();
    for (Map.Entry<A, Double> e : scores.entrySet()) {
      A c = space.canonical(e.getKey());
      single.put(c, e.getValue());
      count.merge(c, 1, Integer::sum);
    }
    return arch -> {
      OptionalDouble own = score(arch);
      if (own.isPresent()) {
        return own;
      }
      A c = space.canonical(arch);
      return count.getOrDefault(c, 0) == 1 ? OptionalDouble.of(single.get(c))
          : OptionalDouble.empty();
    };
  }

  /**
   * Rank of {@code arch} among all architectures of this source, 1 = best; ties share the best
   * rank (competition ranking).
   */
  public OptionalInt rank(A arch) {
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

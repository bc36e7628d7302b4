package org.landmarknas.landmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Predicate;
import org.landmarknas.bench.PlainDecimal;
import org.landmarknas.run.AtomicFile;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;

/**
 * An immutable set of landmarks, sorted by ascending score (ties by ascending architecture code),
 * so index {@code i < j} means landmark {@code j} is the better one; {@link LandmarkPair} indices
 * refer to this order.
 *
 * <p>No two members are equivalent under {@link Nb201Space#canonicalKey(Nb201Arch)}: equivalent
 * cells compute the same function, so ranking them against each other would teach nothing, and
 * {@link #contains(Nb201Arch)} answers for the whole equivalence class.
 *
 * <p>CSV format ({@link #fromCsv(Path)}, {@link #writeCsv(Path)}), UTF-8, a header line then one
 * landmark per line; blank lines are skipped. Architecture strings contain no commas.
 *
 * <pre>
 * arch,score
 * |nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|,93.76
 * </pre>
 */
public final class LandmarkSet {

  /** The CSV header line, byte for byte. */
  public static final String CSV_HEADER = "arch,score";

  private static final LandmarkSet EMPTY = new LandmarkSet(List.of(), Map.of());

  private final List<Landmark> landmarks;            // ascending Landmark.ORDER
  private final Map<String, Integer> indexByKey;     // canonical key -> index in landmarks

  private LandmarkSet(List<Landmark> sorted, Map<String, Integer> indexByKey) {
    this.landmarks = sorted;
    this.indexByKey = indexByKey;
  }

  /** The set with no landmarks. */
  public static LandmarkSet empty() {
    return EMPTY;
  }

  /**
   * A set of these landmarks, in any order.
   *
   * @throws IllegalArgumentException if an element is null or two are equivalent architectures
   */
  public static LandmarkSet of(Collection<Landmark> landmarks) {
    return EMPTY.plus(landmarks);
  }

  /**
   * This set with more landmarks, as the multi-round pipeline adds each round's picks.
   *
   * @throws IllegalArgumentException if an added landmark is null, or is equivalent to a member
   *     or to another added landmark
   */
  public LandmarkSet plus(Collection<Landmark> added) {
    Objects.requireNonNull(added, "added");
    Nb201Space space = Nb201Space.INSTANCE;
    Map<String, Landmark> byKey = new HashMap<>();
    for (Landmark l : landmarks) {
      byKey.put(space.canonicalKey(l.arch()), l);
    }
    List<Landmark> all = new ArrayList<>(landmarks);
    for (Landmark l : added) {
      if (l == null) {
        throw new IllegalArgumentException("landmark set: null landmark among those added");
      }
      String key = space.canonicalKey(l.arch());
      Landmark prior = byKey.putIfAbsent(key, l);
      if (prior != null) {
        boolean member = indexByKey.containsKey(key);
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "landmark set: cannot add %s (score %s): %s %s%s%s (expected each equivalence class"
                + " of architectures at most once)",
            l.arch(), l.score(), duplicateWord(prior.arch(), l.arch()),
            member ? "existing landmark " : "added landmark ", prior.arch(),
            prior.arch().equals(l.arch()) ? "" : " (same canonical form " + key + ")"));
      }
      all.add(l);
    }
    all.sort(Landmark.ORDER);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < all.size(); i++) {
      index.put(space.canonicalKey(all.get(i).arch()), i);
    }
    return new LandmarkSet(List.copyOf(all), Map.copyOf(index));
  }

  private static String duplicateWord(Nb201Arch prior, Nb201Arch arch) {
    return prior.equals(arch) ? "it duplicates" : "it is equivalent to";
  }

  /** Number of landmarks, M. */
  public int size() {
    return landmarks.size();
  }

  /** The landmark at sorted position {@code i} (0 = lowest score). */
  public Landmark get(int i) {
    if (i < 0 || i >= landmarks.size()) {
      throw new IndexOutOfBoundsException(String.format(Locale.ROOT,
          "landmark index %d out of range (set has %d landmarks)", i, landmarks.size()));
    }
    return landmarks.get(i);
  }

  /** All landmarks in ascending score order; immutable. */
  public List<Landmark> landmarks() {
    return landmarks;
  }

  /** True when {@code arch} or an architecture equivalent to it is a landmark. */
  public boolean contains(Nb201Arch arch) {
    return indexOf(arch).isPresent();
  }

  /** Sorted position of the landmark equivalent to {@code arch}, if there is one. */
  public OptionalInt indexOf(Nb201Arch arch) {
    Objects.requireNonNull(arch, "arch");
    Integer i = indexByKey.get(Nb201Space.INSTANCE.canonicalKey(arch));
    return i == null ? OptionalInt.empty() : OptionalInt.of(i);
  }

  /**
   * A predicate that is true for the architectures an evaluation pool must leave out: the
   * landmarks and everything equivalent to them (the super-net was trained to rank exactly these,
   * so scoring them would flatter it). Pass {@code excluded().negate()} as a selector's
   * {@code allowed}.
   */
  public Predicate<Nb201Arch> excluded() {
    Set<String> keys = indexByKey.keySet();
    Nb201Space space = Nb201Space.INSTANCE;
    return arch -> keys.contains(space.canonicalKey(arch));
  }

  /**
   * Reads a landmark file in the format of the class description.
   *
   * @throws IllegalArgumentException naming the file and 1-based line when the header, the column
   *     count, an architecture string, a score, or a repeated (or equivalent) architecture is
   *     wrong
   * @throws UncheckedIOException when the file cannot be read
   */
  public static LandmarkSet fromCsv(Path path) {
    Objects.requireNonNull(path, "path");
    List<Landmark> read = new ArrayList<>();
    Map<String, Seen> seen = new HashMap<>();
    Nb201Space space = Nb201Space.INSTANCE;
    try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      String header = in.readLine();
      if (header == null || !stripBom(header).strip().equals(CSV_HEADER)) {
        throw fail(path, 1, "expected header \"%s\", got %s", CSV_HEADER,
            header == null ? "an empty file" : "\"" + header + "\"");
      }
      int lineNo = 1;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        Landmark l = parseRow(path, lineNo, line);
        String key = space.canonicalKey(l.arch());
        Seen prior = seen.putIfAbsent(key, new Seen(lineNo, l.arch()));
        if (prior != null) {
          boolean same = prior.arch().equals(l.arch());
          throw fail(path, lineNo, "architecture %s %s the one on line %d%s (expected each"
                  + " equivalence class of architectures at most once)", l.arch(),
              same ? "duplicates" : "is equivalent to", prior.line(),
              same ? "" : " (" + prior.arch() + ", same canonical form " + key + ")");
        }
        read.add(l);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(String.format(Locale.ROOT,
          "cannot read landmark file %s: %s", path, e.getMessage()), e);
    }
    return of(read);
  }

  /** Where an equivalence class was first seen while reading a file. */
  private record Seen(int line, Nb201Arch arch) {}

  private static Landmark parseRow(Path path, int lineNo, String line) {
    String[] cols = line.split(",", -1);
    if (cols.length != 2) {
      throw fail(path, lineNo, "expected 2 comma-separated columns (%s), got %d in \"%s\"",
          CSV_HEADER, cols.length, line);
    }
    Nb201Arch arch;
    try {
      arch = Nb201Arch.parse(cols[0].strip());
    } catch (IllegalArgumentException e) {
      throw fail(path, lineNo, "bad arch: %s", e.getMessage());
    }
    String text = cols[1].strip();
    if (!PlainDecimal.matches(text)) {
      throw fail(path, lineNo, "score \"%s\" is not a number (expected a decimal percentage in"
          + " [0, 100])", text);
    }
    double score = Double.parseDouble(text);
    if (!(score >= 0.0 && score <= 100.0)) {
      throw fail(path, lineNo, "score %s is outside [0, 100] (expected stand-alone accuracy in"
          + " percent)", text);
    }
    return new Landmark(arch, score);
  }

  private static String stripBom(String s) {
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  private static IllegalArgumentException fail(Path path, int lineNo, String fmt,
      Object... args) {
    return new IllegalArgumentException(String.format(Locale.ROOT, "landmark file %s line %d: ",
        path, lineNo) + String.format(Locale.ROOT, fmt, args));
  }

  /**
   * Writes the set as CSV in sorted order, atomically: the text goes to a temporary file in the
   * target's directory, which is then renamed over the target, so a reader or a crash sees the
   * old file or the new one, never a part. Scores are written in plain decimal notation with
   * enough digits to read back the same double.
   *
   * @throws UncheckedIOException when the file cannot be written
   */
  public void writeCsv(Path path) {
    Objects.requireNonNull(path, "path");
    StringBuilder sb = new StringBuilder(CSV_HEADER).append('\n');
    for (Landmark l : landmarks) {
      sb.append(l.arch()).append(',').append(PlainDecimal.format(l.score())).append('\n');
    }
    try {
      AtomicFile.write(path, sb.toString().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(String.format(Locale.ROOT,
          "cannot write landmark file %s: %s", path, e.getMessage()), e);
    }
  }

  /** Equal when both hold the same landmarks (architectures and scores). */
  @Override
  public boolean equals(Object o) {
    return o instanceof LandmarkSet other && landmarks.equals(other.landmarks);
  }

  @Override
  public int hashCode() {
    return landmarks.hashCode();
  }

  @Override
  public String toString() {
    if (landmarks.isEmpty()) {
      return "LandmarkSet[0 landmarks]";
    }
    return String.format(Locale.ROOT, "LandmarkSet[%d landmarks, scores %s..%s]",
        landmarks.size(), landmarks.get(0).score(), landmarks.get(landmarks.size() - 1).score());
  }
}

package org.landmarknas.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.landmarknas.space.DartsGenotype;
import org.landmarknas.space.DartsSpace;
import org.landmarknas.space.Nb101Arch;
import org.landmarknas.space.Nb101Space;
import org.landmarknas.space.SearchSpace;
import org.landmarknas.space.Skeleton;

/**
 * A NASLib zero-cost sample of one search space (NAS-Bench-Suite-Zero's {@code zc_*.json},
 * shipped in {@code benchmarks/data/nasbench101/} and {@code nasbench301/}): for each
 * architecture its CIFAR-10 validation accuracy (percent), the {@code params} and {@code flops}
 * (millions) of the network NASLib measured, and the zero-cost proxy scores. Immutable and
 * thread-safe.
 *
 * <pre>
 * NB101 ({@link #nb101}): {"nasbench101": {"cifar10": {"(0, 1, ..., 4, 1)": {"flops": 624.55808,
 *     "params": 4.095778, "snip": 112.05, ..., "val_accuracy": 92.578125}}}}
 * NB301 ({@link #nb301}): {"cifar10": {"[[(0, 0), (1, 5), ...], [(1, 0), ...]]": {"idx": "534",
 *     "arch": "[[(0, 0), ...]]", "flops": {"score": 153.499136, "time": 0.51}, ...}}}
 * </pre>
 *
 * <p>NB101 keys are the labelled specs as NASLib drew them, not NB101's stored representatives:
 * several keys may name one cell (the 500 of the shipped file are 292 classes), each with the
 * seed it happened to draw. NB301 keys are compact DARTS keys ({@link
 * org.landmarknas.space.DartsNotation}); their {@code arch} field repeats the key and must equal
 * it, their {@code idx} (NASLib's draw number) must be a number. A proxy is a number or an object
 * with a {@code score} (its {@code time} is dropped); every row carries the same proxies.
 *
 * @param <A> the space's architecture type
 */
public final class NasLibSample<A> {

  /** The network of NB101's published {@code params} and {@code flops}: C = 128, 3 cells. */
  public static final Skeleton NB101_NETWORK = new Skeleton(3, 32, 32, 10, 128, 3);

  /**
   * The network of NB301's published {@code params}: CIFAR-10, C = 32, 8 cells (N = 2), NASLib's
   * ops with non-affine BNs ({@link DartsSpace#nasLibCost}).
   */
  public static final Skeleton NB301_NETWORK = new Skeleton(3, 32, 32, 10, 32, 2);

  private static final String ACCURACY = "val_accuracy";
  private static final String PARAMS = "params";
  private static final String FLOPS = "flops";
  private static final String INDEX = "idx";
  private static final String ARCH = "arch";

  /**
   * One architecture of the sample.
   *
   * @param key the published key, as written
   * @param arch the architecture it names
   * @param validAccuracy CIFAR-10 validation accuracy in percent, in [0, 100]
   * @param paramsMillions the {@code params} column: parameters in millions
   * @param flopsMillions the {@code flops} column: FLOPs in millions
   * @param proxies every other score: zero-cost proxy scores by name, in file order
   * @param <A> the space's architecture type
   */
  public record Row<A>(String key, A arch, double validAccuracy, double paramsMillions,
      double flopsMillions, Map<String, Double> proxies) {

    /** Validates and copies; see the record components. */
    public Row {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(arch, "arch");
      if (!(validAccuracy >= 0 && validAccuracy <= 100)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT, "key %s: accuracy %s"
            + " outside [0, 100] (percent expected)", key, validAccuracy));
      }
      proxies = Collections.unmodifiableMap(new LinkedHashMap<>(proxies));
    }
  }

  /**
   * Where a layout keeps its records and how they name their architecture.
   *
   * @param label the benchmark's name in messages
   * @param space the space whose notation the keys are written in
   * @param network the network the {@code params} and {@code flops} columns count
   * @param path the JSON fields from the root to the object of records
   * @param fileName NASLib's name of such a file, for messages
   * @param repeatsKey whether records repeat their key in {@code arch} and carry an {@code idx}
   */
  private record Layout<A>(String label, SearchSpace<A> space, Skeleton network, List<String> path,
      String fileName, boolean repeatsKey) {}

  private static final Layout<Nb101Arch> NB101 = new Layout<>("NB101", Nb101Space.INSTANCE,
      NB101_NETWORK, List.of("nasbench101", "cifar10"), "zc_nasbench101.json", false);
  private static final Layout<DartsGenotype> NB301 = new Layout<>("NB301", DartsSpace.INSTANCE,
      NB301_NETWORK, List.of("cifar10"), "zc_nasbench301.json", true);

  private final String source;
  private final SearchSpace<A> space;
  private final Skeleton network;
  private final List<Row<A>> rows;
  private final List<String> proxyNames;

  private NasLibSample(String source, SearchSpace<A> space, Skeleton network, List<Row<A>> rows) {
    this.source = source;
    this.space = space;
    this.network = network;
    this.rows = List.copyOf(rows);
    this.proxyNames = rows.isEmpty() ? List.of() : List.copyOf(rows.get(0).proxies().keySet());
  }

  /**
   * Reads NASLib's NAS-Bench-101 sample ({@code zc_nasbench101.json}): records at {@code
   * nasbench101.cifar10}, keyed by labelled specs.
   *
   * @throws IllegalArgumentException naming the file and the key when the layout, a key, a
   *     number, an accuracy or a row's proxies are wrong
   * @throws UncheckedIOException when the file cannot be read
   */
  public static NasLibSample<Nb101Arch> nb101(Path file) {
    return read(NB101, file);
  }

  /**
   * Reads NASLib's NAS-Bench-301 (DARTS) sample ({@code zc_nasbench301.json}): records at {@code
   * cifar10}, keyed by compact DARTS keys.
   *
   * @throws IllegalArgumentException naming the file and the key when the layout, a key, its
   *     {@code arch} or {@code idx}, a number, an accuracy or a row's proxies are wrong
   * @throws UncheckedIOException when the file cannot be read
   */
  public static NasLibSample<DartsGenotype> nb301(Path file) {
    return read(NB301, file);
  }

  /**
   * The sample of {@code space}'s cells in {@code file}, keyed by {@code space}'s architectures
   * (the same cells, typed as the caller's type parameter through the notation both share): how
   * a config names a shipped sample as a ground truth or an evaluation pool.
   *
   * @throws IllegalArgumentException when no NASLib layout is read for {@code space}, or as
   *     {@link #nb101} and {@link #nb301}
   */
  public static <A> NasLibSample<A> load(SearchSpace<A> space, Path file) {
    if (space.id().equals(NB101.space().id())) {
      return nb101(file).rekeyed(space);
    }
    if (space.id().equals(NB301.space().id())) {
      return nb301(file).rekeyed(space);
    }
    throw new IllegalArgumentException("ground-truth file " + file + ": a JSON sample is read"
        + " for " + NB101.space().id() + " (NASLib's " + NB101.fileName() + ") and "
        + NB301.space().id() + " (" + NB301.fileName() + "), not for " + space.id()
        + "; give an arch,score CSV");
  }

  private <B> NasLibSample<B> rekeyed(SearchSpace<B> to) {
    List<Row<B>> out = new ArrayList<>(rows.size());
    for (Row<A> r : rows) {
      out.add(new Row<>(r.key(), to.parse(space.format(r.arch())), r.validAccuracy(),
          r.paramsMillions(), r.flopsMillions(), r.proxies()));
    }
    return new NasLibSample<>(source, to, network, out);
  }

  private static <A> NasLibSample<A> read(Layout<A> layout, Path file) {
    Objects.requireNonNull(file, "file");
    String what = layout.label() + " sample " + file;
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(what + ": " + e.getMessage(), e);
    }
    JsonNode records = root;
    for (String field : layout.path()) {
      records = records == null ? null : records.path(field);
    }
    if (records == null || !records.isObject()) {
      throw new IllegalArgumentException(what + ": expected an object at "
          + String.join(".", layout.path()) + " (NASLib's " + layout.fileName() + " layout)");
    }
    List<Row<A>> rows = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = records.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      try {
        Row<A> row = row(layout, e.getKey(), e.getValue());
        if (!rows.isEmpty() && !row.proxies().keySet().equals(rows.get(0).proxies().keySet())) {
          throw new IllegalArgumentException("key " + e.getKey() + ": proxies "
              + row.proxies().keySet() + " differ from the first row's "
              + rows.get(0).proxies().keySet());
        }
        rows.add(row);
      } catch (IllegalArgumentException ex) {
        throw new IllegalArgumentException(what + ": " + ex.getMessage(), ex);
      }
    }
    return new NasLibSample<>(file.toString(), layout.space(), layout.network(), rows);
  }

  private static <A> Row<A> row(Layout<A> layout, String key, JsonNode record) {
    A arch = layout.space().parse(key);
    if (!record.isObject()) {
      throw new IllegalArgumentException("key " + key + ": the record is not an object");
    }
    if (layout.repeatsKey()) {
      checkIdentity(key, record);
    }
    Map<String, Double> proxies = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = record.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      if (layout.repeatsKey() && (f.getKey().equals(ARCH) || f.getKey().equals(INDEX))) {
        continue;
      }
      JsonNode v = f.getValue().isObject() ? f.getValue().path("score") : f.getValue();
      if (!v.isNumber()) {
        throw new IllegalArgumentException(String.format(Locale.ROOT, "key %s: %s is not a"
            + " number or an object with a numeric score", key, f.getKey()));
      }
      proxies.put(f.getKey(), v.doubleValue());
    }
    double accuracy = take(proxies, key, ACCURACY);
    double params = take(proxies, key, PARAMS);
    double flops = take(proxies, key, FLOPS);
    return new Row<>(key, arch, accuracy, params, flops, proxies);
  }

  /** NB301's {@code arch} must repeat the key and its {@code idx} must be a draw number. */
  private static void checkIdentity(String key, JsonNode record) {
    String arch = record.path(ARCH).asText(key);
    if (!arch.equals(key)) {
      throw new IllegalArgumentException("key " + key + ": its arch field differs: " + arch);
    }
    String idx = record.path(INDEX).asText("");
    if (!idx.matches("\\d{1,9}")) {
      throw new IllegalArgumentException("key " + key + ": idx \"" + idx + "\" is not a number");
    }
  }

  private static double take(Map<String, Double> fields, String key, String name) {
    Double v = fields.remove(name);
    if (v == null) {
      throw new IllegalArgumentException("key " + key + ": no " + name);
    }
    return v;
  }

  /** Where the sample came from. */
  public String source() {
    return source;
  }

  /** The space of the rows' architectures. */
  public SearchSpace<A> space() {
    return space;
  }

  /** The network whose sizes the {@code params} and {@code flops} columns count. */
  public Skeleton publishedNetwork() {
    return network;
  }

  /** Number of rows. */
  public int size() {
    return rows.size();
  }

  /** Every row, in file order; immutable. */
  public List<Row<A>> rows() {
    return rows;
  }

  /** The names of the zero-cost proxies every row carries, in file order. */
  public List<String> proxyNames() {
    return proxyNames;
  }

  /** The row of this architecture as written (for NB101: this labelled spec), if any. */
  public Optional<Row<A>> row(A arch) {
    return rows.stream().filter(r -> r.arch().equals(arch)).findFirst();
  }

  /**
   * The validation accuracies as a ground truth over the architectures as written (equivalent
   * NB101 specs keep their own seeds' scores; {@link GroundTruth#byClass()} merges them only
   * where one is known). {@code GroundTruth.csv(space)} writes it as an {@code arch,score} file.
   */
  public GroundTruth<A> groundTruth() {
    Map<A, Double> scores = new LinkedHashMap<>();
    rows.forEach(r -> scores.put(r.arch(), r.validAccuracy()));
    return GroundTruth.of(source, space, scores);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "NasLibSample[%s, %d rows, %d proxies]", space.id(),
        rows.size(), proxyNames.size());
  }
}

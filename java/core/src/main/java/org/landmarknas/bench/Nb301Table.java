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
import org.landmarknas.space.Skeleton;

/**
 * A NAS-Bench-301 sample of the DARTS space with zero-cost proxies, in the layout of NASLib's
 * {@code zc_nasbench301.json} (shipped in {@code benchmarks/data/nasbench301/}): for each
 * genotype its CIFAR-10 validation accuracy (percent), the {@code params} and {@code flops}
 * (millions) of NASLib's network for it, and the proxy scores. Immutable and thread-safe.
 *
 * <pre>
 * {"cifar10": {"[[(0, 0), (1, 5), ...], [(1, 0), ...]]": {"idx": "534", "arch": "[[(0, 0), ...]]",
 *     "flops": {"score": 153.499136, "time": 0.51}, "val_accuracy": 93.32, ...}}}
 * </pre>
 *
 * <p>Keys are compact keys ({@link org.landmarknas.space.DartsNotation}); {@code arch} repeats
 * the key and must equal it. A proxy is a number or an object with a {@code score} (its {@code
 * time} is dropped).
 */
public final class Nb301Table {

  /**
   * The network of the published {@code params}: CIFAR-10, C = 32, 8 cells (N = 2), NASLib's ops
   * with non-affine BNs ({@link DartsSpace#nasLibCost}).
   */
  public static final Skeleton PUBLISHED_NETWORK = new Skeleton(3, 32, 32, 10, 32, 2);

  private static final String ACCURACY = "val_accuracy";
  private static final String PARAMS = "params";
  private static final String FLOPS = "flops";
  private static final String INDEX = "idx";
  private static final String ARCH = "arch";

  /**
   * One genotype of the table.
   *
   * @param key the published compact key, as written
   * @param index the {@code idx} field: the genotype's number in NASLib's draw
   * @param genotype the genotype it names
   * @param validAccuracy CIFAR-10 validation accuracy in percent, in [0, 100]
   * @param paramsMillions the {@code params} column: parameters in millions
   * @param flopsMillions the {@code flops} column: FLOPs in millions
   * @param proxies every other score: zero-cost proxy scores by name, in file order
   */
  public record Row(String key, int index, DartsGenotype genotype, double validAccuracy,
      double paramsMillions, double flopsMillions, Map<String, Double> proxies) {

    /** Validates and copies; see the record components. */
    public Row {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(genotype, "genotype");
      if (!(validAccuracy >= 0 && validAccuracy <= 100)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT, "NB301 row %s: accuracy"
            + " %s outside [0, 100] (percent expected)", key, validAccuracy));
      }
      proxies = Collections.unmodifiableMap(new LinkedHashMap<>(proxies));
    }
  }

  private final String source;
  private final List<Row> rows;

  private Nb301Table(String source, List<Row> rows) {
    this.source = source;
    this.rows = List.copyOf(rows);
  }

  /**
   * Reads a file in the layout above.
   *
   * @throws IllegalArgumentException naming the file and the key when the layout, a key, a
   *     number or an accuracy is wrong
   * @throws UncheckedIOException when the file cannot be read
   */
  public static Nb301Table load(Path file) {
    Objects.requireNonNull(file, "file");
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("NB301 table " + file + ": " + e.getMessage(), e);
    }
    JsonNode cells = root == null ? null : root.path("cifar10");
    if (cells == null || !cells.isObject()) {
      throw new IllegalArgumentException("NB301 table " + file + ": expected an object at"
          + " cifar10 (NASLib's zc_nasbench301.json layout)");
    }
    List<Row> rows = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = cells.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      try {
        rows.add(row(e.getKey(), e.getValue()));
      } catch (IllegalArgumentException ex) {
        throw new IllegalArgumentException("NB301 table " + file + ": " + ex.getMessage(), ex);
      }
    }
    return new Nb301Table(file.toString(), rows);
  }

  private static Row row(String key, JsonNode record) {
    DartsGenotype genotype = DartsSpace.INSTANCE.parse(key);
    if (!record.isObject()) {
      throw new IllegalArgumentException("key " + key + ": the record is not an object");
    }
    String arch = record.path(ARCH).asText(key);
    if (!arch.equals(key)) {
      throw new IllegalArgumentException("key " + key + ": its arch field differs: " + arch);
    }
    String idx = record.path(INDEX).asText("");
    if (!idx.matches("\\d{1,9}")) {
      throw new IllegalArgumentException("key " + key + ": idx \"" + idx + "\" is not a number");
    }
    Map<String, Double> proxies = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = record.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      if (f.getKey().equals(ARCH) || f.getKey().equals(INDEX)) {
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
    return new Row(key, Integer.parseInt(idx), genotype, accuracy, params, flops, proxies);
  }

  private static double take(Map<String, Double> fields, String key, String name) {
    Double v = fields.remove(name);
    if (v == null) {
      throw new IllegalArgumentException("key " + key + ": no " + name);
    }
    return v;
  }

  /** Where the table came from. */
  public String source() {
    return source;
  }

  /** Number of rows. */
  public int size() {
    return rows.size();
  }

  /** Every row, in file order; immutable. */
  public List<Row> rows() {
    return rows;
  }

  /** The row of this genotype as written, if the table has it. */
  public Optional<Row> row(DartsGenotype genotype) {
    return rows.stream().filter(r -> r.genotype().equals(genotype)).findFirst();
  }

  /**
   * The validation accuracies as a ground truth over the genotypes as written. {@code
   * GroundTruth.csv(DartsSpace.INSTANCE)} writes it as an {@code arch,score} file in the
   * readable form.
   */
  public GroundTruth<DartsGenotype> groundTruth() {
    Map<DartsGenotype, Double> scores = new LinkedHashMap<>();
    rows.forEach(r -> scores.put(r.genotype(), r.validAccuracy()));
    return GroundTruth.of(source, DartsSpace.INSTANCE, scores);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "Nb301Table[%d rows]", rows.size());
  }
}

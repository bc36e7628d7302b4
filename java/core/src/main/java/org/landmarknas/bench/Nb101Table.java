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
import org.landmarknas.space.Nb101Arch;
import org.landmarknas.space.Nb101Space;
import org.landmarknas.space.Skeleton;

/**
 * A NAS-Bench-101 sample with zero-cost proxies, in the layout of NASLib's {@code
 * zc_nasbench101.json} (shipped in {@code benchmarks/data/nasbench101/}): for each cell its
 * CIFAR-10 validation accuracy (percent, 108 epochs, one of NB101's three seeds), the {@code
 * params} (millions) and {@code flops} (millions) of its network, and the proxy scores. Immutable
 * and thread-safe.
 *
 * <pre>
 * {"nasbench101": {"cifar10": {"(0, 1, ..., 4, 1)": {"flops": 624.55808, "params": 4.095778,
 *     "snip": 112.05, ..., "val_accuracy": 92.578125}}}}
 * </pre>
 *
 * <p>Keys are the labelled specs as NASLib drew them, not NB101's stored representatives: several
 * keys may name one NB101 cell (the 500 of the shipped file are 292 classes), each with the seed
 * it happened to draw. A proxy is a number or an object with a {@code score}.
 */
public final class Nb101Table {

  /** The network of the published {@code params} and {@code flops}: CIFAR-10, C=128, 3 cells. */
  public static final Skeleton PUBLISHED_NETWORK = new Skeleton(3, 32, 32, 10, 128, 3);

  private static final String ACCURACY = "val_accuracy";
  private static final String PARAMS = "params";
  private static final String FLOPS = "flops";

  /**
   * One cell of the table.
   *
   * @param key the published 56-tuple key, as written
   * @param arch the cell it names
   * @param validAccuracy CIFAR-10 validation accuracy in percent, in [0, 100]
   * @param paramsMillions the {@code params} column: parameters in millions
   * @param flopsMillions the {@code flops} column: FLOPs in millions ({@code Nb101Cost#flops})
   * @param proxies every other column: zero-cost proxy scores by name, in file order
   */
  public record Row(String key, Nb101Arch arch, double validAccuracy, double paramsMillions,
      double flopsMillions, Map<String, Double> proxies) {

    /** Validates and copies; see the record components. */
    public Row {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(arch, "arch");
      if (!(validAccuracy >= 0 && validAccuracy <= 100)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT, "NB101 row %s: accuracy"
            + " %s outside [0, 100] (percent expected)", key, validAccuracy));
      }
      proxies = Collections.unmodifiableMap(new LinkedHashMap<>(proxies));
    }
  }

  private final String source;
  private final List<Row> rows;

  private Nb101Table(String source, List<Row> rows) {
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
  public static Nb101Table load(Path file) {
    Objects.requireNonNull(file, "file");
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("NB101 table " + file + ": " + e.getMessage(), e);
    }
    JsonNode cells = root == null ? null : root.path("nasbench101").path("cifar10");
    if (cells == null || !cells.isObject()) {
      throw new IllegalArgumentException("NB101 table " + file + ": expected an object at"
          + " nasbench101.cifar10 (NASLib's zc_nasbench101.json layout)");
    }
    List<Row> rows = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = cells.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      try {
        rows.add(row(e.getKey(), e.getValue()));
      } catch (IllegalArgumentException ex) {
        throw new IllegalArgumentException("NB101 table " + file + ": " + ex.getMessage(), ex);
      }
    }
    return new Nb101Table(file.toString(), rows);
  }

  private static Row row(String key, JsonNode record) {
    Nb101Arch arch = Nb101Space.INSTANCE.parse(key);
    if (!record.isObject()) {
      throw new IllegalArgumentException("key " + key + ": the record is not an object");
    }
    Map<String, Double> proxies = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = record.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
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
    return new Row(key, arch, accuracy, params, flops, proxies);
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

  /** The row of this labelled spec, if the table has it. */
  public Optional<Row> row(Nb101Arch arch) {
    return rows.stream().filter(r -> r.arch().equals(arch)).findFirst();
  }

  /**
   * The validation accuracies as a ground truth over the labelled specs (equivalent specs keep
   * their own seeds' scores; {@link GroundTruth#byClass()} merges them only where one is known).
   * {@code GroundTruth.csv(Nb101Space.INSTANCE)} writes it as an {@code arch,score} file.
   */
  public GroundTruth<Nb101Arch> groundTruth() {
    Map<Nb101Arch, Double> scores = new LinkedHashMap<>();
    rows.forEach(r -> scores.put(r.arch(), r.validAccuracy()));
    return GroundTruth.of(source, Nb101Space.INSTANCE, scores);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "Nb101Table[%d rows]", rows.size());
  }
}

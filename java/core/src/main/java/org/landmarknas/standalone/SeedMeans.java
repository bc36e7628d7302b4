package org.landmarknas.standalone;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.landmarknas.bench.GroundTruth;
import org.landmarknas.space.Nb201Arch;

/**
 * The ground truth of a list of architectures as the mean test accuracy over several training
 * seeds ({@code lmnas standalone export --format scores --seeds 0,1,2}): one seed's accuracy
 * ranks cells only as well as the seed noise allows, a mean over seeds ranks them better. Kept
 * whole or not at all: {@link #write} refuses while any architecture lacks a seed, so a
 * ground-truth file is never written from a half-trained table, looking complete to its reader.
 *
 * @param archs the architectures, in the order of the file written
 * @param seeds the training seeds averaged, at least one
 * @param means per architecture, the mean test accuracy in percent over {@code seeds}; NaN where
 *     a seed is missing
 * @param gaps every (architecture, seed) without a result, in the order of {@code archs}
 */
public record SeedMeans(List<Nb201Arch> archs, List<Long> seeds, List<Double> means,
    List<Gap> gaps) {

  /** Where a result comes from: the store, under the protocol of the table. */
  @FunctionalInterface
  public interface Results {
    /** The result of {@code arch} trained with {@code seed}, if there is one. */
    Optional<StandaloneResult> get(Nb201Arch arch, long seed);
  }

  /** An architecture without a result for one seed. */
  public record Gap(Nb201Arch arch, long seed) {}

  public SeedMeans {
    archs = List.copyOf(archs);
    seeds = List.copyOf(seeds);
    means = List.copyOf(means);
    gaps = List.copyOf(gaps);
    if (seeds.isEmpty()) {
      throw new IllegalArgumentException("a mean over seeds needs at least one seed");
    }
  }

  /** The means of {@code archs} over {@code seeds}, looked up in {@code results}. */
  public static SeedMeans of(List<Nb201Arch> archs, List<Long> seeds, Results results) {
    List<Double> means = new ArrayList<>();
    List<Gap> gaps = new ArrayList<>();
    for (Nb201Arch a : archs) {
      double sum = 0;
      boolean complete = true;
      for (long sd : seeds) {
        Optional<StandaloneResult> r = results.get(a, sd);
        if (r.isPresent()) {
          sum += r.get().testAccuracy();
        } else {
          complete = false;
          gaps.add(new Gap(a, sd));
        }
      }
      // Summed in seed order, scaled to percent, then divided: the arithmetic the committed
      // mean tables were written with, so exporting them again reproduces them byte for byte.
      means.add(complete ? 100 * sum / seeds.size() : Double.NaN);
    }
    return new SeedMeans(archs, seeds, means, gaps);
  }

  /** How many architectures lack a result for one or more seeds. */
  public int incomplete() {
    return (int) gaps.stream().map(Gap::arch).distinct().count();
  }

  /**
   * Writes the ground-truth file ({@link GroundTruth#CSV_HEADER}, then arch,score with 4
   * decimals per architecture).
   *
   * @throws IllegalStateException when an architecture lacks a seed (check {@link #gaps} first)
   */
  public void write(PrintStream out) {
    if (!gaps.isEmpty()) {
      throw new IllegalStateException(incomplete() + " architectures lack a result; the first: "
          + gaps.get(0));
    }
    out.println(GroundTruth.CSV_HEADER);
    for (int i = 0; i < archs.size(); i++) {
      out.println(String.format(Locale.ROOT, "%s,%.4f", archs.get(i), means.get(i)));
    }
  }
}

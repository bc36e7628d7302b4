package org.landmarknas.standalone;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.landmarknas.bench.GroundTruth;
import org.landmarknas.space.SearchSpace;

/**
 * The ground truth of a list of architectures as the mean test accuracy over several training
 * seeds ({@code lmnas standalone export --format scores --seeds 0,1,2}): one seed's accuracy
 * ranks cells only as well as the seed noise allows, a mean over seeds ranks them better. Kept
 * whole or not at all: {@link #write} refuses while any architecture lacks a seed, so a
 * ground-truth file is never written from a half-trained table, looking complete to its reader.
 *
 * @param <A> the architecture type of the protocol's space
 * @param archs the architectures, in the order of the file written
 * @param seeds the training seeds averaged, at least one
 * @param means per architecture, the mean test accuracy in percent over {@code seeds}; NaN where
 *     a seed is missing
 * @param gaps every (architecture, seed) without a result, in the order of {@code archs}
 */
public record SeedMeans<A>(List<A> archs, List<Long> seeds, List<Double> means,
    List<Gap<A>> gaps) {

  /**
   * Where a result comes from: the store, under the protocol of the table.
   *
   * @param <A> the architecture type
   */
  @FunctionalInterface
  public interface Results<A> {
    /** The result of {@code arch} trained with {@code seed}, if there is one. */
    Optional<StandaloneResult<A>> get(A arch, long seed);
  }

  /**
   * An architecture without a result for one seed.
   *
   * @param <A> the architecture type
   */
  public record Gap<A>(A arch, long seed) {}

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
  public static <A> SeedMeans<A> of(List<A> archs, List<Long> seeds, Results<A> results) {
    List<Double> means = new ArrayList<>();
    List<Gap<A>> gaps = new ArrayList<>();
    for (A a : archs) {
      double sum = 0;
      boolean complete = true;
      for (long sd : seeds) {
        Optional<StandaloneResult<A>> r = results.get(a, sd);
        if (r.isPresent()) {
          sum += r.get().testAccuracy();
        } else {
          complete = false;
          gaps.add(new Gap<>(a, sd));
        }
      }
      // Summed in seed order, scaled to percent, then divided: the arithmetic the committed
      // mean tables were written with, so exporting them again reproduces them byte for byte.
      means.add(complete ? 100 * sum / seeds.size() : Double.NaN);
    }
    return new SeedMeans<>(archs, seeds, means, gaps);
  }

  /** How many architectures lack a result for one or more seeds. */
  public int incomplete() {
    return (int) gaps.stream().map(Gap::arch).distinct().count();
  }

  /**
   * Writes the ground-truth file ({@link GroundTruth#CSV_HEADER}, then arch,score with 4
   * decimals per architecture, the architecture in {@code space}'s notation).
   *
   * @throws IllegalStateException when an architecture lacks a seed (check {@link #gaps} first)
   */
  public void write(SearchSpace<A> space, PrintStream out) {
    if (!gaps.isEmpty()) {
      throw new IllegalStateException(incomplete() + " architectures lack a result; the first: "
          + space.format(gaps.get(0).arch()) + " seed " + gaps.get(0).seed());
    }
    out.println(GroundTruth.CSV_HEADER);
    for (int i = 0; i < archs.size(); i++) {
      out.println(String.format(Locale.ROOT, "%s,%.4f", space.format(archs.get(i)),
          means.get(i)));
    }
  }
}

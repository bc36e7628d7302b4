package org.landmarknas.standalone;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which seed sets a table's noise ceiling is measured over, each with its cells. A table is
 * trained in stages (many seeds for a few cells, then a few seeds for every cell), and each stage
 * answers another question, so {@link BenchmarkStats} measures a ceiling over every seed set that
 * this picks rather than over one.
 */
final class CeilingSeedSets {

  private CeilingSeedSets() {}

  /**
   * The seed sets to measure a ceiling over, each with its cells. The candidates are the seed
   * sets that seed-0 cells were trained with and the seeds that any of them share (a stage
   * part-way through leaves cells with {0, 1, 2} beside cells with {0, 1} and {0, ..., 5}: all
   * of them share {0, 1}), each over the cells that have all of its seeds, at least {@value
   * BenchmarkStats#MIN_CEILING_ARCHS}: two cells give a tau of +1 or -1, no ceiling. None of
   * them is redundant: a set that holds another covers fewer cells, since some cell has exactly
   * the smaller set, or cells of different sets meet in it. First comes the set whose ceiling
   * averages the most comparisons, cells x seed pairs (ties: more seeds), so a table whose next
   * seed is partly trained keeps its headline over the cells and seeds it had until the new seed
   * has covered enough cells; then the rest, the most seeds first.
   *
   * @param <A> the architecture type
   * @param seeded the architectures with a seed-0 result, in table order
   * @param bySeed test accuracy by architecture and seed, as {@link BenchmarkStats#bySeed}
   * @return the seed sets, ascending seeds each, in that order, mapped to their cells
   */
  static <A> Map<List<Long>, List<A>> of(List<A> seeded, Map<A, Map<Long, Double>> bySeed) {
    List<List<Long>> trained = seeded.stream().map(a -> List.copyOf(bySeed.get(a).keySet()))
        .filter(set -> set.size() >= 2).distinct().toList();
    Set<List<Long>> candidates = new LinkedHashSet<>(trained);
    boolean grew = true;
    while (grew) { // until closed under intersection: three sets may share less than any two
      grew = false;
      for (List<Long> x : List.copyOf(candidates)) {
        for (List<Long> y : List.copyOf(candidates)) {
          List<Long> both = x.stream().filter(y::contains).toList();
          if (both.size() >= 2 && candidates.add(both)) {
            grew = true;
          }
        }
      }
    }
    Map<List<Long>, List<A>> cells = new LinkedHashMap<>();
    for (List<Long> set : candidates) {
      List<A> having = seeded.stream()
          .filter(a -> bySeed.get(a).keySet().containsAll(set)).toList();
      if (having.size() >= BenchmarkStats.MIN_CEILING_ARCHS) {
        cells.put(set, having);
      }
    }
    List<List<Long>> order = cells.keySet().stream()
        .sorted(Comparator.<List<Long>>comparingInt(List::size).reversed()
            .thenComparing(set -> -cells.get(set).size()))
        .collect(Collectors.toCollection(ArrayList::new));
    Optional<List<Long>> headline = order.stream().max(Comparator
        .<List<Long>>comparingLong(set -> (long) cells.get(set).size() * set.size()
            * (set.size() - 1) / 2)
        .thenComparingInt(List::size));
    headline.ifPresent(h -> {
      order.remove(h);
      order.add(0, h);
    });
    Map<List<Long>, List<A>> ordered = new LinkedHashMap<>();
    order.forEach(set -> ordered.put(set, cells.get(set)));
    return ordered;
  }
}

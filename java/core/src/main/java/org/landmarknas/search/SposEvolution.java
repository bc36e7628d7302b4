package org.landmarknas.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.landmarknas.space.SearchSpace;

/**
 * The evolutionary search of single-path one-shot NAS (Guo et al., ECCV 2020; the megvii and NNI
 * implementations): a generational search that keeps the best architectures ever seen.
 *
 * <ol>
 *   <li>evaluate {@code population} distinct random architectures: the first candidates;
 *   <li>each of {@code rounds} rounds: the top set becomes the {@code selection} fittest
 *       architectures evaluated so far (ties: earlier first); new candidates are {@code
 *       mutations} mutants of top members - every position of the encoding (NB201: every edge)
 *       independently, with probability {@code mutationProbability}, takes a value drawn
 *       uniformly from all of that position's (so possibly its own) - and {@code crossovers}
 *       children of two distinct top members, each position taken from either parent with
 *       probability 1/2; if the operators cannot produce that many new architectures in ten
 *       tries per wanted child, random new architectures fill the round up to {@code
 *       population}, as megvii's search does.
 * </ol>
 *
 * <p>Mutation and crossover work on the space's fixed-length encoding (NB201: the op of each
 * edge); a child whose encoding names no valid cell counts as a failed try.
 *
 * <p>No architecture is evaluated twice: a child already evaluated (including one equal to its
 * parent) is discarded and another drawn. So with the defaults a search makes exactly
 * 50 + 20 x 50 = 1,050 evaluations, all distinct, and the last round's candidates count for the
 * result (best ever evaluated) although no further round selects from them.
 */
public final class SposEvolution<A> implements SearchStrategy<A> {

  /** Tries per wanted child before a round gives up on an operator (megvii: 10). */
  private static final int TRIES_PER_CHILD = 10;

  /**
   * SPOS evolution's knobs.
   *
   * @param population candidates per round and initial random population, at least 1 (and at
   *     most the size of the space searched)
   * @param selection size of the top set parents come from, at least 1
   * @param mutations mutants wanted per round, at least 0
   * @param crossovers crossover children wanted per round, at least 0
   * @param mutationProbability per-edge resampling probability, in (0, 1]
   * @param rounds number of generations after the initial population, at least 0
   */
  public record Settings(int population, int selection, int mutations, int crossovers,
      double mutationProbability, int rounds) {

    /** megvii/NNI's setting: 50, top 10, 25 mutations (p = 0.1), 25 crossovers, 20 rounds. */
    public static final Settings DEFAULT = new Settings(50, 10, 25, 25, 0.1, 20);

    /** Validates the ranges given on the components. */
    public Settings {
      if (population < 1 || selection < 1 || mutations < 0
          || crossovers < 0 || !(mutationProbability > 0 && mutationProbability <= 1)
          || rounds < 0) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "SPOS evolution settings population=%d selection=%d mutations=%d crossovers=%d"
                + " mutationProbability=%s rounds=%d: expected population >= 1,"
                + " selection >= 1, mutations >= 0, crossovers >= 0, mutationProbability in"
                + " (0, 1], rounds >= 0", population, selection, mutations, crossovers,
            mutationProbability, rounds));
      }
    }
  }

  private final SearchSpace<A> space;
  private final Settings settings;

  /** SPOS evolution of {@code space} with {@link Settings#DEFAULT}. */
  public SposEvolution(SearchSpace<A> space) {
    this(space, Settings.DEFAULT);
  }

  /**
   * SPOS evolution of {@code space} with the given settings.
   *
   * @throws IllegalArgumentException when the population exceeds the space
   */
  public SposEvolution(SearchSpace<A> space, Settings settings) {
    this.space = Objects.requireNonNull(space, "space");
    this.settings = Objects.requireNonNull(settings, "settings");
    if (settings.population() > space.size()) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "SPOS evolution population %d exceeds the %d architectures of %s",
          settings.population(), space.size(), space.id()));
    }
  }

  /** This strategy's settings. */
  public Settings settings() {
    return settings;
  }

  @Override
  public SearchResult<A> search(ArchFitness<A> fitness, SplittableRandom rng) {
    Objects.requireNonNull(rng, "rng");
    Run run = new Run(new EvaluationLog<>(fitness), rng);
    List<Evaluated<A>> candidates = new ArrayList<>();
    run.fillRandom(candidates);
    List<Evaluated<A>> top = List.of();
    for (int round = 0; round < settings.rounds(); round++) {
      top = select(top, candidates);
      List<Evaluated<A>> next = new ArrayList<>();
      run.breed(next, top, settings.mutations(), this::mutant);
      run.breed(next, top, settings.crossovers(), this::crossover);
      run.fillRandom(next);
      candidates = next;
    }
    return run.log.result(name());
  }

  /** The fittest {@code selection} of the old top set and the new candidates, stable. */
  private List<Evaluated<A>> select(List<Evaluated<A>> top, List<Evaluated<A>> candidates) {
    List<Evaluated<A>> all = new ArrayList<>(top);
    all.addAll(candidates);
    all.sort(Comparator.comparingDouble((Evaluated<A> e) -> e.fitness()).reversed());
    return List.copyOf(all.subList(0, Math.min(settings.selection(), all.size())));
  }

  /**
   * A top member with every position of its encoding redrawn with probability p (uniform over
   * the position's values, its own included); empty when the result is not a valid cell.
   */
  private Optional<A> mutant(List<Evaluated<A>> top, SplittableRandom rng) {
    int[] code = space.encode(top.get(rng.nextInt(top.size())).arch());
    for (int e = 0; e < code.length; e++) {
      if (rng.nextDouble() < settings.mutationProbability()) {
        code[e] = rng.nextInt(space.encodingChoices(e));
      }
    }
    return space.decode(code);
  }

  /** Two distinct top members mixed position by position; empty when not a valid cell. */
  private Optional<A> crossover(List<Evaluated<A>> top, SplittableRandom rng) {
    int a = rng.nextInt(top.size());
    int b = a;
    if (top.size() > 1) {
      // Two distinct members: the same one twice would only reproduce an evaluated parent.
      b = rng.nextInt(top.size() - 1);
      if (b >= a) {
        b++;
      }
    }
    int[] code = space.encode(top.get(a).arch());
    int[] other = space.encode(top.get(b).arch());
    for (int e = 0; e < code.length; e++) {
      if (rng.nextBoolean()) {
        code[e] = other[e];
      }
    }
    return space.decode(code);
  }

  /** How a round makes one child from the top set. */
  @FunctionalInterface
  private interface Operator<A> {
    Optional<A> child(List<Evaluated<A>> top, SplittableRandom rng);
  }

  /** The state of one search: the log, the set of evaluated architectures, the stream. */
  private final class Run {
    final EvaluationLog<A> log;
    final SplittableRandom rng;
    final Set<A> seen = new HashSet<>();

    Run(EvaluationLog<A> log, SplittableRandom rng) {
      this.log = log;
      this.rng = rng;
    }

    /** Evaluates {@code arch} into {@code into} unless it was evaluated before. */
    boolean tryEvaluate(A arch, List<Evaluated<A>> into) {
      if (!seen.add(arch)) {
        return false;
      }
      into.add(log.evaluate(arch));
      return true;
    }

    void breed(List<Evaluated<A>> into, List<Evaluated<A>> top, int wanted, Operator<A> op) {
      int made = 0;
      for (int tries = wanted * TRIES_PER_CHILD; made < wanted && tries > 0; tries--) {
        Optional<A> child = op.child(top, rng);
        if (child.isPresent() && tryEvaluate(child.get(), into)) {
          made++;
        }
      }
    }

    /** Adds new random architectures until {@code into} holds a population (or none are left). */
    void fillRandom(List<Evaluated<A>> into) {
      while (into.size() < settings.population() && seen.size() < space.size()) {
        tryEvaluate(space.sample(rng), into);
      }
    }
  }

  @Override
  public String name() {
    return "spos-evolution";
  }

  @Override
  public String toString() {
    Settings s = settings;
    return String.format(Locale.ROOT, "%s[population=%d, selection=%d, mutations=%d (p=%s),"
            + " crossovers=%d, rounds=%d]", name(), s.population(), s.selection(), s.mutations(),
        s.mutationProbability(), s.crossovers(), s.rounds());
  }
}

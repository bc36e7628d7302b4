package org.landmarknas.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Op;
import org.landmarknas.space.Nb201Space;

/**
 * The evolutionary search of single-path one-shot NAS (Guo et al., ECCV 2020; the megvii and NNI
 * implementations): a generational search that keeps the best architectures ever seen.
 *
 * <ol>
 *   <li>evaluate {@code population} distinct random architectures: the first candidates;
 *   <li>each of {@code rounds} rounds: the top set becomes the {@code selection} fittest
 *       architectures evaluated so far (ties: earlier first); new candidates are
 *       {@code mutations} mutants of top members - every edge independently, with probability
 *       {@code mutationProbability}, takes an op drawn uniformly from all five (so possibly its
 *       own) - and {@code crossovers} children of two distinct top members, each edge taken from
 *       either parent with probability 1/2; if the operators cannot produce that many new
 *       architectures in ten tries per wanted child, random new architectures fill the round up
 *       to {@code population}, as megvii's search does.
 * </ol>
 *
 * <p>No architecture is evaluated twice: a child already evaluated (including one equal to its
 * parent) is discarded and another drawn. So with the defaults a search makes exactly
 * 50 + 20 x 50 = 1,050 evaluations, all distinct, and the last round's candidates count for the
 * result (best ever evaluated) although no further round selects from them.
 */
public final class SposEvolution implements SearchStrategy {

  /** Tries per wanted child before a round gives up on an operator (megvii: 10). */
  private static final int TRIES_PER_CHILD = 10;

  /**
   * SPOS evolution's knobs.
   *
   * @param population candidates per round and initial random population, 1..15,625
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
      if (population < 1 || population > Nb201Arch.SPACE_SIZE || selection < 1 || mutations < 0
          || crossovers < 0 || !(mutationProbability > 0 && mutationProbability <= 1)
          || rounds < 0) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "SPOS evolution settings population=%d selection=%d mutations=%d crossovers=%d"
                + " mutationProbability=%s rounds=%d: expected population in 1..%d,"
                + " selection >= 1, mutations >= 0, crossovers >= 0, mutationProbability in"
                + " (0, 1], rounds >= 0", population, selection, mutations, crossovers,
            mutationProbability, rounds, Nb201Arch.SPACE_SIZE));
      }
    }
  }

  private static final Comparator<Evaluated> FITTEST_FIRST =
      Comparator.comparingDouble(Evaluated::fitness).reversed();

  private final Settings settings;

  /** SPOS evolution with {@link Settings#DEFAULT}. */
  public SposEvolution() {
    this(Settings.DEFAULT);
  }

  /** SPOS evolution with the given settings. */
  public SposEvolution(Settings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** This strategy's settings. */
  public Settings settings() {
    return settings;
  }

  @Override
  public SearchResult search(ArchFitness fitness, SplittableRandom rng) {
    Objects.requireNonNull(rng, "rng");
    Run run = new Run(new EvaluationLog(fitness), rng);
    List<Evaluated> candidates = new ArrayList<>();
    run.fillRandom(candidates);
    List<Evaluated> top = List.of();
    for (int round = 0; round < settings.rounds(); round++) {
      top = select(top, candidates);
      List<Evaluated> next = new ArrayList<>();
      run.breed(next, top, settings.mutations(), this::mutant);
      run.breed(next, top, settings.crossovers(), SposEvolution::crossover);
      run.fillRandom(next);
      candidates = next;
    }
    return run.log.result(name());
  }

  /** The fittest {@code selection} of the old top set and the new candidates, stable. */
  private List<Evaluated> select(List<Evaluated> top, List<Evaluated> candidates) {
    List<Evaluated> all = new ArrayList<>(top);
    all.addAll(candidates);
    all.sort(FITTEST_FIRST);
    return List.copyOf(all.subList(0, Math.min(settings.selection(), all.size())));
  }

  private Nb201Arch mutant(List<Evaluated> top, SplittableRandom rng) {
    int[] ops = top.get(rng.nextInt(top.size())).arch().opIndices();
    for (int e = 0; e < ops.length; e++) {
      if (rng.nextDouble() < settings.mutationProbability()) {
        ops[e] = rng.nextInt(Nb201Op.values().length);
      }
    }
    return Nb201Arch.ofIndices(ops);
  }

  private static Nb201Arch crossover(List<Evaluated> top, SplittableRandom rng) {
    int a = rng.nextInt(top.size());
    int b = a;
    if (top.size() > 1) {
      // Two distinct members: the same one twice would only reproduce an evaluated parent.
      b = rng.nextInt(top.size() - 1);
      if (b >= a) {
        b++;
      }
    }
    int[] ops = top.get(a).arch().opIndices();
    int[] other = top.get(b).arch().opIndices();
    for (int e = 0; e < ops.length; e++) {
      if (rng.nextBoolean()) {
        ops[e] = other[e];
      }
    }
    return Nb201Arch.ofIndices(ops);
  }

  /** How a round makes one child from the top set. */
  @FunctionalInterface
  private interface Operator {
    Nb201Arch child(List<Evaluated> top, SplittableRandom rng);
  }

  /** The state of one search: the log, the set of evaluated architectures, the stream. */
  private final class Run {
    final EvaluationLog log;
    final SplittableRandom rng;
    final Set<Nb201Arch> seen = new HashSet<>();

    Run(EvaluationLog log, SplittableRandom rng) {
      this.log = log;
      this.rng = rng;
    }

    /** Evaluates {@code arch} into {@code into} unless it was evaluated before. */
    boolean tryEvaluate(Nb201Arch arch, List<Evaluated> into) {
      if (!seen.add(arch)) {
        return false;
      }
      into.add(log.evaluate(arch));
      return true;
    }

    void breed(List<Evaluated> into, List<Evaluated> top, int wanted, Operator op) {
      int made = 0;
      for (int tries = wanted * TRIES_PER_CHILD; made < wanted && tries > 0; tries--) {
        if (tryEvaluate(op.child(top, rng), into)) {
          made++;
        }
      }
    }

    /** Adds new random architectures until {@code into} holds a population (or none are left). */
    void fillRandom(List<Evaluated> into) {
      Nb201Space space = Nb201Space.INSTANCE;
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

package org.landmarknas.search;

import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import org.landmarknas.space.SearchSpace;

/**
 * Regularized ("aging") evolution (Real et al., "Regularized evolution for image classifier
 * architecture search", AAAI 2019), as the landmark paper searches its super-net:
 *
 * <ol>
 *   <li>evaluate {@code population} uniformly random architectures; they form the population,
 *       oldest first;
 *   <li>repeat until {@code budget} evaluations (the initial population included): sample
 *       {@code tournament} members uniformly <em>with</em> replacement, as Real et al.'s
 *       Algorithm 1 and NAS-Bench-201's R-EA do; the fittest (the first sampled among equals) is
 *       the parent; its child changes exactly one edge ({@link SearchSpace#mutate});
 *       evaluate the child, add it, and remove the <em>oldest</em> member, not the worst.
 * </ol>
 *
 * <p>Every child is evaluated, even one seen before: the budget counts fitness calls, as in the
 * paper. A deterministic and expensive fitness may memoise itself.
 */
public final class AgingEvolution<A> implements SearchStrategy<A> {

  /**
   * Aging evolution's knobs.
   *
   * @param population population size, at least 1
   * @param tournament tournament size, 1..population
   * @param budget total fitness evaluations including the initial population, at least
   *     population
   */
  public record Settings(int population, int tournament, int budget) {

    /** The paper's setting: population 50, tournament 10, 1000 evaluations. */
    public static final Settings DEFAULT = new Settings(50, 10, 1000);

    /** Validates the ranges given on the components. */
    public Settings {
      if (population < 1 || tournament < 1 || tournament > population || budget < population) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "aging evolution settings population=%d tournament=%d budget=%d: expected"
                + " population >= 1, 1 <= tournament <= population, budget >= population",
            population, tournament, budget));
      }
    }
  }

  private final SearchSpace<A> space;
  private final Settings settings;

  /** Aging evolution of {@code space} with {@link Settings#DEFAULT}. */
  public AgingEvolution(SearchSpace<A> space) {
    this(space, Settings.DEFAULT);
  }

  /** Aging evolution with the given settings. */
  public AgingEvolution(SearchSpace<A> space, Settings settings) {
    this.space = Objects.requireNonNull(space, "space");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** This strategy's settings. */
  public Settings settings() {
    return settings;
  }

  @Override
  public SearchResult<A> search(ArchFitness<A> fitness, SplittableRandom rng) {
    Objects.requireNonNull(rng, "rng");
    EvaluationLog<A> log = new EvaluationLog<>(fitness);
    int size = settings.population();
    // A ring buffer: slot `oldest` holds the oldest member, and the child replaces it.
    @SuppressWarnings("unchecked") // a generic array, written and read only here
    Evaluated<A>[] population = new Evaluated[size];
    for (int i = 0; i < size; i++) {
      population[i] = log.evaluate(space.sample(rng));
    }
    int oldest = 0;
    while (log.count() < settings.budget()) {
      Evaluated<A> parent = tournament(population, rng);
      population[oldest] = log.evaluate(space.mutate(parent.arch(), rng));
      oldest = (oldest + 1) % size;
    }
    return log.result(name());
  }

  /** The fittest of {@code tournament} members drawn with replacement. */
  private Evaluated<A> tournament(Evaluated<A>[] population, SplittableRandom rng) {
    Evaluated<A> best = null;
    for (int i = 0; i < settings.tournament(); i++) {
      Evaluated<A> candidate = population[rng.nextInt(population.length)];
      if (best == null || candidate.fitness() > best.fitness()) {
        best = candidate;
      }
    }
    return best;
  }

  @Override
  public String name() {
    return "aging-evolution";
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s[population=%d, tournament=%d, budget=%d]", name(),
        settings.population(), settings.tournament(), settings.budget());
  }
}

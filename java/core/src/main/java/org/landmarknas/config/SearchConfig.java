package org.landmarknas.config;

import java.util.List;
import java.util.Objects;

/**
 * The search run on the trained super-net.
 *
 * <ul>
 *   <li>{@code strategy}: {@code aging} (regularized evolution, Real et al. 2019), {@code random},
 *       {@code spos} (SPOS-style evolution: top-k selection, mutation and crossover),
 *       {@code pool} (every architecture of the evaluation pool once: search within a table that
 *       knows only those, so that what is found has a stand-alone score) or {@code none};
 *   <li>{@code budget}: architectures evaluated (>= 1; for the evolutions >= population);
 *   <li>{@code population}, {@code tournament}: aging-evolution sizes (tournament &lt;= population);
 *   <li>{@code val-images}: images of the rank/validation half used as fitness (>= 1);
 *   <li>{@code top-k}: architectures reported (>= 1);
 *   <li>{@code policy}: how the super-net's paths are chosen in training: {@code spos} (uniform),
 *       {@code gdas} (Gumbel-softmax over learned α) or {@code nao} (a pool renewed by NAO's
 *       controller; any space; GDAS on nb201 and darts, where the super-net then shares its
 *       ops per edge, GDAS's op_on_edge, whatever the SPOS sharing); their final choice
 *       replaces the strategy;
 *   <li>{@code gdas-warmup}: GDAS's uniform warm-up epochs (>= 0, &lt; train.epochs);
 *   <li>{@code gdas-lr}, {@code gdas-weight-decay}: the Adam that updates α, {@link
 *       ArchitectAdam};
 *   <li>{@code nao-warmup}: NAO's uniform warm-up epochs, its first controller point (>= 1,
 *       &lt; train.epochs);
 *   <li>{@code nao-every}: epochs between NAO's controller points (>= 1);
 *   <li>{@code nao-pool}: NAO's initial pool and the least size of a renewed one (>= 2);
 *   <li>{@code nao-epochs}: passes over the pool that train the controller at a point (>= 1);
 *   <li>{@code nao-embedding}, {@code nao-hidden}, {@code nao-mlp-layers}, {@code
 *       nao-mlp-hidden}, {@code nao-dropout}: the controller's sizes, {@link NaoSize}.
 * </ul>
 */
public record SearchConfig(String strategy, int budget, int population, int tournament,
    int valImages, int topK, String policy, int gdasWarmup, int naoWarmup, int naoEvery,
    int naoPool, int naoEpochs, NaoSize naoSize, ArchitectAdam gdasAdam) {

  public static final List<String> STRATEGIES = List.of("aging", "random", "spos", "pool", "none");
  public static final List<String> POLICIES = List.of("spos", "gdas", "nao");

  public SearchConfig {
    KeyCheck.oneOf("search.strategy", strategy, STRATEGIES);
    KeyCheck.atLeast("search.budget", budget, 1);
    KeyCheck.atLeast("search.population", population, 2);
    KeyCheck.atLeast("search.tournament", tournament, 1);
    if (tournament > population) {
      throw KeyCheck.outOfRange("search.tournament", tournament,
          "<= search.population (" + population + ")");
    }
    if ((strategy.equals("aging") || strategy.equals("spos")) && budget < population) {
      throw KeyCheck.outOfRange("search.budget", budget, ">= search.population (" + population
          + ") for strategy " + strategy + ": the first population alone takes that many"
          + " evaluations; lower search.population for a smaller search");
    }
    KeyCheck.atLeast("search.val-images", valImages, 1);
    KeyCheck.atLeast("search.top-k", topK, 1);
    KeyCheck.oneOf("search.policy", policy, POLICIES);
    KeyCheck.atLeast("search.gdas-warmup", gdasWarmup, 0);
    KeyCheck.atLeast("search.nao-warmup", naoWarmup, 1);
    KeyCheck.atLeast("search.nao-every", naoEvery, 1);
    KeyCheck.atLeast("search.nao-pool", naoPool, 2);
    KeyCheck.atLeast("search.nao-epochs", naoEpochs, 1);
    Objects.requireNonNull(naoSize, "naoSize");
    Objects.requireNonNull(gdasAdam, "gdasAdam");
  }

  /** A search with SPOS's uniform paths (GDAS and NAO keys at their defaults). */
  public SearchConfig(String strategy, int budget, int population, int tournament,
      int valImages, int topK) {
    this(strategy, budget, population, tournament, valImages, topK, "spos", 0, 1, 40, 100,
        1000, NaoSize.REFERENCE, ArchitectAdam.REFERENCE);
  }

  /** Whether training samples paths with GDAS. */
  public boolean gdas() {
    return policy.equals("gdas");
  }

  /** Whether training samples paths from NAO's pool. */
  public boolean nao() {
    return policy.equals("nao");
  }

  public static SearchConfig defaults() {
    return new SearchConfig("aging", 1000, 50, 10, 1000, 5);
  }
}

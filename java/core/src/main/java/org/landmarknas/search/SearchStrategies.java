package org.landmarknas.search;

import java.util.List;
import org.landmarknas.config.SearchConfig;
import org.landmarknas.space.SearchSpace;

/** The one place a {@code search.strategy} name becomes a {@link SearchStrategy}. */
public final class SearchStrategies {
  private SearchStrategies() {}

  /**
   * The strategy {@code cfg} names, searching {@code space}.
   *
   * @param table the architectures of {@code strategy: pool} (ignored by the others)
   * @throws IllegalArgumentException for an unknown strategy name
   */
  public static <A> SearchStrategy<A> create(SearchConfig cfg, SearchSpace<A> space,
      List<A> table) {
    switch (cfg.strategy()) {
      case "pool":
        return new TableSearch<>(table);
      case "aging":
        return new AgingEvolution<>(space, new AgingEvolution.Settings(cfg.population(),
            cfg.tournament(), cfg.budget()));
      case "random":
        return new RandomSearch<>(space, cfg.budget());
      case "spos": {
        // Whole rounds within the budget: 1000 evaluations give 19 rounds after the first 50,
        // where megvii's SPOS runs 20 (1,050 evaluations).
        int population = cfg.population();
        int rounds = (cfg.budget() - population) / population;
        return new SposEvolution<>(space, new SposEvolution.Settings(population,
            Math.max(1, Math.min(10, population / 5)), population / 2,
            population - population / 2, 0.1, rounds));
      }
      default:
        throw new IllegalArgumentException("unknown search strategy " + cfg.strategy());
    }
  }

  /** The number of fitness evaluations {@code cfg} allows: the whole table for {@code pool}. */
  public static int budget(SearchConfig cfg, List<?> table) {
    return cfg.strategy().equals("pool") ? table.size() : cfg.budget();
  }
}

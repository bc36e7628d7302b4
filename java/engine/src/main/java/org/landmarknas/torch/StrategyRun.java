package org.landmarknas.torch;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.landmarknas.config.SearchConfig;
import org.landmarknas.run.ProgressLine;
import org.landmarknas.search.ArchFitness;
import org.landmarknas.search.Evaluated;
import org.landmarknas.search.SearchResult;
import org.landmarknas.search.SearchStrategies;
import org.landmarknas.search.SearchStrategy;
import org.landmarknas.space.SearchSpace;

/**
 * A search strategy run against the super-net: fitness is the super-net's accuracy on
 * validation images of the rank half, cached because evolution revisits architectures.
 */
final class StrategyRun {
  private StrategyRun() {}

  /**
   * Runs the strategy of {@code cfg}; {@code table} is what {@code strategy: pool} ranks.
   *
   * @param label names the run in progress lines (the final search, or a landmark round)
   */
  static <A> SearchResult<A> run(SearchSpace<A> space, SearchConfig cfg, PoolScorer<A> scorer,
      SplittableRandom rng,
      PrintStream progress, String label, List<A> table) {
    SearchStrategy<A> strategy = SearchStrategies.create(cfg, space, table);
    Map<A, Double> cache = new HashMap<>();
    int budget = SearchStrategies.budget(cfg, table);
    ProgressLine line = new ProgressLine(progress, budget, "evaluations", 10.0);
    int[] calls = {0};
    ArchFitness<A> fitness = a -> {
      calls[0]++;
      double f = cache.computeIfAbsent(a, x -> scorer.score(x, 0, rng).accuracy());
      line.update(calls[0], label + " (" + strategy.name() + ")", calls[0] + "/" + budget
          + " evaluations, " + cache.size() + " distinct");
      return f;
    };
    progress.printf(Locale.ROOT, "%s: %s, budget %d, fitness = super-net accuracy on"
        + " validation images of the rank half%n", label, strategy.name(), budget);
    return strategy.search(fitness, rng);
  }

  /**
   * The final search of a policy that proposes its own architectures (GDAS): each scored once,
   * as a strategy's fitness is, in the order proposed.
   *
   * @param name the policy's name, the result's strategy
   */
  static <A> SearchResult<A> scoreFinalists(String name, List<A> finalists,
      PoolScorer<A> scorer, SplittableRandom rng, PrintStream progress) {
    progress.printf(Locale.ROOT, "search: %s's %d proposed architectures, fitness = super-net"
        + " accuracy on validation images of the rank half%n", name, finalists.size());
    List<Evaluated<A>> history = new ArrayList<>();
    for (A a : finalists) {
      history.add(new Evaluated<>(a, scorer.score(a, 0, rng).accuracy()));
    }
    return new SearchResult<>(name, history);
  }

  /**
   * The best {@code k} evaluated architectures, one per equivalence class: cells that differ only
   * on dead edges compute the same function and would fill the list with one network.
   */
  static <A> List<Evaluated<A>> distinctTop(SearchSpace<A> space, SearchResult<A> result,
      int k) {
    List<Evaluated<A>> top = new ArrayList<>();
    Set<String> classes = new HashSet<>();
    for (Evaluated<A> e : result.top(result.evaluations())) {
      if (top.size() == k) {
        break;
      }
      if (classes.add(space.canonicalKey(e.arch()))) {
        top.add(e);
      }
    }
    return top;
  }
}

package org.landmarknas.torch;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.landmarknas.bench.GroundTruth;
import org.landmarknas.config.RunConfig;
import org.landmarknas.config.RunConfigLoader;
import org.landmarknas.run.RunFiles;
import org.landmarknas.run.RunResult;
import org.landmarknas.search.Evaluated;
import org.landmarknas.search.SearchResult;
import org.landmarknas.space.SearchSpace;

/**
 * The content of {@code result.json} (a {@link RunResult}): provenance (seed, data, split
 * fingerprint, versions, config), training counters, the sampled architectures' scores, the
 * last pool scoring and its ranking, the search's distinct top architectures with their ground
 * truth, and the cost. {@code lmnas report} reads it back.
 */
final class RunResultJson {
  private RunResultJson() {}

  /**
   * The result of a finished run.
   *
   * @param search the final search's result, when the run had one; its distinct top is {@code
   *     outcome.found()}
   */
  static <A> RunResult of(RunConfig config, SearchSession<A> session, SearchOutcome<A> outcome,
      RunClock clock, Optional<PoolResult<A>> pool, Optional<SearchResult<A>> search,
      Optional<GroundTruth<A>> truth, boolean resumed) {
    SearchSpace<A> space = session.space();
    List<RunResult.ScoredArchitecture> archs = outcome.scores().stream()
        .map(s -> new RunResult.ScoredArchitecture(space.format(s.arch()), s.accuracy(),
            s.loss(), s.samples()))
        .toList();
    return new RunResult(RunFiles.FORMAT_VERSION,
        provenance(config, session, clock, truth, resumed), outcome.epochs(), outcome.steps(),
        outcome.trainSeconds(), outcome.finalTrainLoss(), archs,
        pool.map(p -> p.poolScores(space)).orElse(null),
        pool.map(PoolResult::ranking).orElse(null),
        search.map(s -> search(space, s, outcome.found(), truth)).orElse(null),
        new RunResult.Cost(outcome.trainSeconds(), clock.cpuSeconds(), clock.wallSeconds()));
  }

  private static RunResult.Provenance provenance(RunConfig config, SearchSession<?> session,
      RunClock clock, Optional<? extends GroundTruth<?>> truth, boolean resumed) {
    return new RunResult.Provenance(clock.started().toString(), Instant.now().toString(),
        config.seed(), resumed, session.dataset().name(),
        Long.toHexString(session.split().fingerprint()), System.getProperty("java.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.arch"),
        TorchInfo.libtorchVersion(), truth.map(GroundTruth::source).orElse(null),
        RunConfigLoader.toMap(config));
  }

  private static <A> RunResult.Search search(SearchSpace<A> space, SearchResult<A> s,
      List<Evaluated<A>> found, Optional<GroundTruth<A>> truth) {
    List<RunResult.Found> top = found.stream().map(e -> {
      OptionalDouble gt = truth.map(g -> g.score(e.arch())).orElse(OptionalDouble.empty());
      OptionalInt rank = truth.map(g -> g.rank(e.arch())).orElse(OptionalInt.empty());
      return new RunResult.Found(space.format(e.arch()), e.fitness(),
          gt.isPresent() ? gt.getAsDouble() : null, rank.isPresent() ? rank.getAsInt() : null,
          truth.map(GroundTruth::size).orElse(null));
    }).toList();
    return new RunResult.Search(s.strategy(), s.evaluations(), top);
  }
}

package org.landmarknas.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.landmarknas.metric.AccuracyUnit;
import org.landmarknas.metric.RankingReport;
import org.landmarknas.space.SearchSpace;

/**
 * An evaluation pool ranked by each zero-cost proxy of the NASLib sample its ground truth came
 * from ({@link NasLibSample}), scored against the same ground truth as the super-net: the
 * training-free rankings the field compares weight sharing with, beside parameter count, MACs
 * and random ({@link BaselineRanking#of}). A proxy ranks by its raw score, higher first, as
 * NASLib reports them; a proxy that orders inversely (e.g. {@code jacov}, {@code grasp} on some
 * spaces) shows as a negative correlation rather than being silently flipped.
 *
 * @param source the sample file the scores come from
 * @param covered how many of the pool's architectures the sample holds: the rankings' size
 * @param poolSize the pool's size
 * @param rankings one per proxy, in the file's order, named {@value #PREFIX} and the proxy's
 *     name
 */
public record ProxyBaselines(String source, int covered, int poolSize,
    List<BaselineRanking> rankings) {

  /** What a proxy ranking's name starts with, telling it from the cost baselines. */
  public static final String PREFIX = "zc:";

  /** Validates and copies; see the record components. */
  public ProxyBaselines {
    Objects.requireNonNull(source, "source");
    if (covered < 0 || covered > poolSize) {
      throw new IllegalArgumentException("proxy baselines cover " + covered + " of a pool of "
          + poolSize);
    }
    rankings = List.copyOf(rankings);
  }

  /** Whether {@code file} names a NASLib sample (a {@code .json} pool) rather than a CSV. */
  public static boolean isSample(Path file) {
    return file.getFileName().toString().endsWith(".json");
  }

  /**
   * The proxy rankings of the architectures of {@code archs} that {@code sample} holds, each
   * against their entries of {@code groundTruth} (same order as {@code archs}). Architectures
   * are matched as {@link GroundTruth#load(SearchSpace, Path)} keys the sample: {@code space}'s
   * own form of each row, so for NB101 a labelled spec matches only itself.
   *
   * @param k the top-k size; capped at the number covered
   * @return empty when {@code sample} is not a {@code .json} file; no rankings when fewer than
   *     two of the pool's architectures are in it
   * @throws IllegalArgumentException when the lists differ in length, the file does not exist
   *     or is not a NASLib sample of {@code space}
   */
  public static <A> Optional<ProxyBaselines> of(SearchSpace<A> space, Path sample, List<A> archs,
      double[] groundTruth, AccuracyUnit unit, int k) {
    if (!isSample(sample)) {
      return Optional.empty();
    }
    if (archs.size() != groundTruth.length) {
      throw new IllegalArgumentException("proxy baselines need one ground truth per"
          + " architecture, got " + archs.size() + " architectures and " + groundTruth.length
          + " scores");
    }
    if (!Files.isRegularFile(sample)) {
      throw new IllegalArgumentException("no proxy baselines: the sample " + sample
          + " does not exist (a relative path is read from the working directory)");
    }
    NasLibSample<A> table = NasLibSample.load(space, sample);
    Map<A, NasLibSample.Row<A>> byArch = new HashMap<>();
    table.rows().forEach(r -> byArch.putIfAbsent(r.arch(), r));
    List<NasLibSample.Row<A>> rows = new ArrayList<>();
    List<Double> truth = new ArrayList<>();
    for (int i = 0; i < archs.size(); i++) {
      NasLibSample.Row<A> row = byArch.get(archs.get(i));
      if (row != null) {
        rows.add(row);
        truth.add(groundTruth[i]);
      }
    }
    List<BaselineRanking> out = new ArrayList<>();
    if (rows.size() >= 2) {
      double[] gt = truth.stream().mapToDouble(Double::doubleValue).toArray();
      for (String proxy : table.proxyNames()) {
        double[] scores = rows.stream().mapToDouble(r -> r.proxies().get(proxy)).toArray();
        out.add(new BaselineRanking(PREFIX + proxy, RankingReport.of(scores, gt, unit, k)));
      }
    }
    return Optional.of(new ProxyBaselines(sample.toString(), rows.size(), archs.size(), out));
  }

  /** The sentence a table of these rankings needs beside it. */
  public String note() {
    String cover = covered == poolSize ? "all " + poolSize + " pool architectures"
        : String.format(Locale.ROOT, "the %d of %d pool architectures it holds", covered,
            poolSize);
    if (rankings.isEmpty()) {
      return String.format(Locale.ROOT, "no proxy baselines: %s holds %s, too few to rank",
          source, cover);
    }
    return String.format(Locale.ROOT, "%sNAME rows: NASLib's zero-cost proxy NAME from %s, on"
        + " %s, ranked by the raw score, higher first; a negative figure means the proxy orders"
        + " inversely", PREFIX, source, cover);
  }
}

package org.landmarknas.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.landmarknas.TestData;
import org.landmarknas.metric.AccuracyUnit;
import org.landmarknas.metric.RankingReport;
import org.landmarknas.space.DartsSpace;
import org.landmarknas.space.Nb101Arch;
import org.landmarknas.space.Nb101Space;
import org.landmarknas.space.SearchSpace;

final class ProxyBaselinesTest {

  /** A whole sample as the pool, its own accuracies as the ground truth. */
  private static <A> ProxyBaselines wholeSample(SearchSpace<A> space, Path file) {
    NasLibSample<A> sample = NasLibSample.load(space, file);
    List<A> archs = sample.rows().stream().map(NasLibSample.Row::arch).toList();
    double[] truth = sample.rows().stream().mapToDouble(NasLibSample.Row::validAccuracy)
        .toArray();
    return ProxyBaselines.of(space, file, archs, truth, AccuracyUnit.PERCENT, 10).orElseThrow();
  }

  @Test
  void nb101_synflowRanking_isTheRankingReportOfTheFilesOwnNumbers() {
    NasLibSample<Nb101Arch> sample = NasLibSample.nb101(TestData.nb101Table());
    double[] synflow = sample.rows().stream().mapToDouble(r -> r.proxies().get("synflow"))
        .toArray();
    double[] accuracy = sample.rows().stream().mapToDouble(NasLibSample.Row::validAccuracy)
        .toArray();

    ProxyBaselines p = wholeSample(Nb101Space.INSTANCE, TestData.nb101Table());

    assertEquals(500, p.covered());
    assertEquals(sample.proxyNames().stream().map(n -> "zc:" + n).toList(),
        p.rankings().stream().map(BaselineRanking::name).toList());
    BaselineRanking s = p.rankings().get(sample.proxyNames().indexOf("synflow"));
    assertEquals(RankingReport.of(synflow, accuracy, AccuracyUnit.PERCENT, 10), s.report());
    assertTrue(s.report().sparseKendallTau() > 0.2, "synflow ranks NB101 above chance");
    assertTrue(p.note().contains("higher first") && p.note().contains("all 500"), p.note());
    print("NB101", p);
  }

  @Test
  void nb301_everyProxyRanksAll725() {
    ProxyBaselines p = wholeSample(DartsSpace.INSTANCE, TestData.nb301Table());
    assertEquals(725, p.covered());
    assertEquals(10, p.rankings().size());
    p.rankings().forEach(b -> assertEquals(725, b.report().n(), b.name()));
    print("NB301", p);
  }

  @Test
  void of_ranksOnlyThePoolArchitecturesTheSampleHolds() {
    NasLibSample<Nb101Arch> sample = NasLibSample.nb101(TestData.nb101Table());
    List<Nb101Arch> archs = new ArrayList<>();
    List<Double> truth = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      archs.add(sample.rows().get(i).arch());
      truth.add(sample.rows().get(i).validAccuracy());
    }
    // cells NASLib did not draw (a CSV pool of other cells): in the pool, not in the proxies
    for (Nb101Arch a : Nb101Space.INSTANCE.sampleDistinct(30, new SplittableRandom(3))) {
      if (sample.row(a).isEmpty()) {
        archs.add(a);
        truth.add(90.0);
      }
    }
    double[] gt = truth.stream().mapToDouble(Double::doubleValue).toArray();
    ProxyBaselines p = ProxyBaselines.of(Nb101Space.INSTANCE, TestData.nb101Table(), archs, gt,
        AccuracyUnit.PERCENT, 5).orElseThrow();
    assertTrue(archs.size() > 40);
    assertEquals(40, p.covered());
    assertEquals(archs.size(), p.poolSize());
    assertEquals(40, p.rankings().get(0).report().n());
    assertTrue(p.note().contains("the 40 of " + archs.size()), p.note());
  }

  @Test
  void of_aCsvPoolHasNoProxies_aMissingSampleIsNamed() {
    List<Nb101Arch> archs = List.of(NasLibSample.nb101(TestData.nb101Table()).rows().get(0)
        .arch());
    assertEquals(Optional.empty(), ProxyBaselines.of(Nb101Space.INSTANCE, Path.of("pool.csv"),
        archs, new double[] {90}, AccuracyUnit.PERCENT, 5));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ProxyBaselines.of(Nb101Space.INSTANCE, Path.of("nowhere.json"), archs,
            new double[] {90}, AccuracyUnit.PERCENT, 5));
    assertTrue(e.getMessage().contains("nowhere.json"), e.getMessage());
  }

  /** The figures RESULTS.md quotes, in the test log. */
  private static void print(String label, ProxyBaselines p) {
    for (BaselineRanking b : p.rankings()) {
      System.out.printf(Locale.ROOT, "%s %-13s S-KdT %7.3f  tau-b %7.3f  Spearman %7.3f%n",
          label, b.name(), b.report().sparseKendallTau(), b.report().kendallTau(),
          b.report().spearmanRho());
    }
  }
}

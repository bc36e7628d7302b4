package org.landmarknas.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.landmarknas.TestData;
import org.landmarknas.bench.GroundTruth;
import org.landmarknas.bench.NasLibSample;
import org.landmarknas.space.TableSpace;

/**
 * The strategies on the published NASLib samples (500 NB101 cells, 725 NB301 genotypes),
 * fitness = the published CIFAR-10 validation accuracy, moving through the sample as a {@link
 * TableSpace}: the sample's test as {@code SearchOnTableTest} is NB201's. The budget is 150
 * evaluations (30 % and 21 % of the tables) with population 50 and tournament 10; seeds 0..199.
 */
final class SearchOnSampleTest {

  private static final int SEEDS = 200;
  private static final AgingEvolution.Settings SETTINGS = new AgingEvolution.Settings(50, 10,
      150);

  /** How often a strategy ended at the table's best architecture, and its mean rank. */
  private record Outcome(int atBest, double meanRank) {}

  private static <A> Outcome run(SearchStrategy<A> strategy, GroundTruth<A> truth) {
    int atBest = 0;
    double sumRank = 0;
    for (int seed = 0; seed < SEEDS; seed++) {
      SearchResult<A> r = strategy.search(a -> truth.score(a).orElseThrow(),
          new SplittableRandom(seed));
      assertEquals(truth.score(r.best()).orElseThrow(), r.bestFitness(), 0.0);
      int rank = truth.rank(r.best()).getAsInt();
      atBest += rank == 1 ? 1 : 0;
      sumRank += rank;
    }
    return new Outcome(atBest, sumRank / SEEDS);
  }

  private static String describe(String name, Outcome o) {
    return String.format(Locale.ROOT, "%s: at the best %d/%d, mean rank %.2f", name, o.atBest,
        SEEDS, o.meanRank);
  }

  // Measured (seeds 0..199; at the best / mean rank), aging evolution by reach of the mutation:
  //   NB301  reach 3: 65 / 8.80, 5: 71 / 5.76, 10: 99 / 4.49, 15: 94 / 4.81; random 34 / 5.37
  //   NB101  reach 5: 70 / 5.58, 10: 125 / 3.46, 15: 104 / 4.11; random 103 / 3.23
  // On NB101 the sample's accuracies barely follow the Hamming distance of the 26-entry
  // encoding: evolution finds the best cell a little more often than random search does, with
  // no better mean rank. The tests pin what holds, with margin.

  @Test
  void agingEvolution_onTheNb301Sample_findsTheBestGenotype_threeTimesAsOftenAsRandom() {
    NasLibSample<?> sample = NasLibSample.nb301(TestData.nb301Table());
    check301(sample);
  }

  private static <A> void check301(NasLibSample<A> sample) {
    GroundTruth<A> truth = sample.groundTruth();
    TableSpace<A> table = new TableSpace<>(sample.space(), truth.archs());
    Outcome aging = run(new AgingEvolution<>(table, SETTINGS), truth);
    Outcome random = run(new RandomSearch<>(table, SETTINGS.budget()), truth);
    String d = describe("aging", aging) + "; " + describe("random", random);
    assertTrue(aging.atBest >= 80, d);
    assertTrue(aging.atBest >= 2 * random.atBest, d);
    assertTrue(aging.meanRank < random.meanRank, d);
  }

  @Test
  void agingEvolution_onTheNb101Sample_findsTheBestCell_inMostSeeds() {
    NasLibSample<?> sample = NasLibSample.nb101(TestData.nb101Table());
    check101(sample);
  }

  private static <A> void check101(NasLibSample<A> sample) {
    GroundTruth<A> truth = sample.groundTruth();
    TableSpace<A> table = new TableSpace<>(sample.space(), truth.archs());
    Outcome aging = run(new AgingEvolution<>(table, SETTINGS), truth);
    Outcome random = run(new RandomSearch<>(table, SETTINGS.budget()), truth);
    String d = describe("aging", aging) + "; " + describe("random", random);
    assertTrue(aging.atBest > SEEDS / 2, d);
    assertTrue(aging.atBest > random.atBest, d);
    assertTrue(aging.meanRank < 5, d);
  }

  @Test
  void nearestOnly_trapsTheEvolution() {
    // reach 3 on NB301: fewer finds than reach 10; the reason the default reaches further
    NasLibSample<?> sample = NasLibSample.nb301(TestData.nb301Table());
    compareReach(sample);
  }

  private static <A> void compareReach(NasLibSample<A> sample) {
    GroundTruth<A> truth = sample.groundTruth();
    Outcome near = run(new AgingEvolution<>(new TableSpace<>(sample.space(), truth.archs(), 3),
        SETTINGS), truth);
    Outcome wide = run(new AgingEvolution<>(new TableSpace<>(sample.space(), truth.archs()),
        SETTINGS), truth);
    assertTrue(near.atBest < wide.atBest, describe("reach 3", near) + "; "
        + describe("reach 10", wide));
  }
}

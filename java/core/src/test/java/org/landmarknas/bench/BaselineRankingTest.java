package org.landmarknas.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.landmarknas.TestData;
import org.landmarknas.metric.AccuracyUnit;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;

final class BaselineRankingTest {

  /** 200 distinct cells of the published table and their CIFAR-10 test accuracies. */
  private static List<Nb201Table.Row> pool() {
    Nb201Table table = Nb201Table.load(TestData.nb201Table());
    return Nb201Space.INSTANCE.sampleDistinct(200, new SplittableRandom(5)).stream()
        .map(a -> table.row(a).orElseThrow()).toList();
  }

  @Test
  void parameterCount_ranksThePublishedTableFarAboveChance() {
    List<Nb201Table.Row> rows = pool();
    List<Nb201Arch> archs = rows.stream().map(Nb201Table.Row::arch).toList();
    double[] truth = rows.stream().mapToDouble(Nb201Table.Row::testAccuracy).toArray();
    List<BaselineRanking> b = BaselineRanking.of(Nb201Space.INSTANCE,
        Nb201Table.PUBLISHED_NETWORK, archs, truth, AccuracyUnit.PERCENT, 10);

    assertEquals(List.of("parameters", "macs", "random"),
        b.stream().map(BaselineRanking::name).toList());
    // The field's record: parameter count reaches tau about 0.58 over all of NB201 on CIFAR-10.
    double params = b.get(0).report().kendallTau();
    assertTrue(params > 0.4 && params < 0.8, "tau-b of parameter count " + params);
    assertTrue(b.get(1).report().kendallTau() > 0.4, "MACs follow parameters");
    double random = b.get(2).report().kendallTau();
    assertTrue(Math.abs(random) < 0.02, "1000 random orderings average about 0: " + random);
    assertEquals(10 / 200.0, b.get(2).report().precisionAtK(), 0.01,
        "a random top 10 holds 10 x 10/200 of the true top 10 on average");
    assertEquals(b, BaselineRanking.of(Nb201Space.INSTANCE, Nb201Table.PUBLISHED_NETWORK, archs,
        truth, AccuracyUnit.PERCENT, 10), "seeded: the same figures every time");
  }

  @Test
  void of_rejectsAPoolWithoutOneScorePerCell() {
    List<Nb201Arch> archs = Nb201Space.INSTANCE.sampleDistinct(3, new SplittableRandom(1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BaselineRanking.of(Nb201Space.INSTANCE, Nb201Table.PUBLISHED_NETWORK, archs,
            new double[] {90, 91}, AccuracyUnit.PERCENT, 2));
    assertTrue(e.getMessage().contains("3 architectures and 2 scores"), e.getMessage());
  }
}

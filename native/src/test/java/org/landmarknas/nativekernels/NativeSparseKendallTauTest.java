package org.landmarknas.nativekernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.bytedeco.javacpp.DoublePointer;
import org.junit.jupiter.api.Test;
import org.landmarknas.metric.AccuracyUnit;
import org.landmarknas.metric.SparseKendallTau;

final class NativeSparseKendallTauTest {

  private static void assertSame(double expected, double actual, String what) {
    assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(actual),
        () -> what + ": expected " + expected + " got " + actual);
  }

  @Test
  void of_equalsJavaBitForBitOnRandomInputs() {
    SplittableRandom rng = new SplittableRandom(23);
    int[] sizes = {2, 3, 5, 10, 33, 200, 1000, 20000};
    for (int n : sizes) {
      for (int trial = 0; trial < 6; trial++) {
        double[] gt = new double[n];
        double[] pred = new double[n];
        double spread = trial % 2 == 0 ? 100.0 : 0.5;  // narrow spread: few bins, many ties
        for (int i = 0; i < n; i++) {
          gt[i] = Math.min(100.0, (trial == 5 ? 0.0 : 60.0) + spread * rng.nextDouble());
          // trial 3: predictions with heavy ties, so the stable order matters
          pred[i] = trial == 3 ? rng.nextInt(4) : gt[i] + 5 * rng.nextGaussian();
        }
        if (trial == 4) {
          gt[0] = 0.0;  // bin [0, 0.1 %) keeps rank -1
          gt[n - 1] = 100.0;
        }
        assertSame(SparseKendallTau.of(pred, gt), NativeSparseKendallTau.of(pred, gt),
            "percent n=" + n + " trial " + trial);
        double[] fractions = new double[n];
        for (int i = 0; i < n; i++) {
          fractions[i] = gt[i] / 100.0;
        }
        assertSame(SparseKendallTau.of(pred, fractions, AccuracyUnit.FRACTION),
            NativeSparseKendallTau.ofFractions(pred, fractions), "fraction n=" + n);
      }
    }
  }

  @Test
  void of_binEdgesAndTiesFollowTheReference() {
    // Values on and next to bin edges, -0.0 vs 0.0 predictions, constant predictions.
    // pred[1] = -0.0 ties pred[0] = 0.0 and comes after it, though its accuracy is far lower.
    double[] gt = {50.0, 0.05, 0.1, 0.1000001, 91.2, 91.2999, 91.3, 100.0, 0.0, 50.0};
    double[] pred = {0.0, -0.0, 1.0, 1.0, 1.0, 2.0, -3.0, 7.0, 0.0, 7.0};
    assertSame(SparseKendallTau.of(pred, gt), NativeSparseKendallTau.of(pred, gt), "edges");
    double[] constant = new double[gt.length];
    assertSame(SparseKendallTau.of(constant, gt), NativeSparseKendallTau.of(constant, gt),
        "constant predictor");
  }

  @Test
  void of_undefinedIsNaN() {
    assertTrue(Double.isNaN(NativeSparseKendallTau.of(new double[0], new double[0])));
    assertTrue(Double.isNaN(NativeSparseKendallTau.of(new double[] {1}, new double[] {50})));
    // All accuracies in one 0.1 % bin.
    assertTrue(Double.isNaN(NativeSparseKendallTau.of(new double[] {1, 2, 3},
        new double[] {91.21, 91.22, 91.25})));
    assertSame(SparseKendallTau.of(new double[] {1, 2}, new double[] {40, 60}),
        NativeSparseKendallTau.of(new double[] {1, 2}, new double[] {40, 60}), "n = 2");
  }

  @Test
  void of_realNasBench201AccuraciesMatch() throws IOException {
    // The table ships with the repository (benchmarks/data/nasbench201/, MIT licence).
    Path csv = Path.of(System.getProperty("landmarknas.repo.dir", ".."),
        "benchmarks/data/nasbench201/cifar10.csv");
    assertTrue(Files.isReadable(csv), "no NAS-Bench-201 table at " + csv);
    List<String> lines = Files.readAllLines(csv);
    int n = lines.size() - 1;
    double[] valid = new double[n];
    double[] test = new double[n];
    for (int i = 0; i < n; i++) {
      String[] f = lines.get(i + 1).split(",");
      valid[i] = Double.parseDouble(f[2]);
      test[i] = Double.parseDouble(f[3]);
    }
    assertSame(SparseKendallTau.of(valid, test), NativeSparseKendallTau.of(valid, test),
        "valid vs test, 15,625 cells");
  }

  @Test
  void ofFractions_pointersHonourPosition() {
    SplittableRandom rng = new SplittableRandom(8);
    double[] gt = rng.doubles(300, 0.3, 0.95).toArray();
    double[] pred = rng.doubles(300).toArray();
    try (DoublePointer p = new DoublePointer(302); DoublePointer g = new DoublePointer(gt)) {
      p.position(2).put(pred);
      assertSame(SparseKendallTau.of(pred, gt, AccuracyUnit.FRACTION),
          NativeSparseKendallTau.ofFractions(p, g, 300), "pointers");
    }
  }

  @Test
  void of_badInputThrows() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> NativeSparseKendallTau.of(new double[] {1, 2}, new double[] {50, 100.5}));
    assertTrue(e.getMessage().contains("gt[1] = 100.5 is outside [0.0, 100.0]"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> NativeSparseKendallTau.ofFractions(new double[] {1, 2}, new double[] {0.5, 1.5}));
    assertTrue(e.getMessage().contains("gt[1] = 1.5 is outside [0.0, 1.0]"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> NativeSparseKendallTau.of(new double[] {Double.NaN, 2}, new double[] {50, 60}));
    assertTrue(e.getMessage().contains("pred[0] is NaN"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> NativeSparseKendallTau.of(new double[] {1}, new double[] {50, 60}));
  }
}

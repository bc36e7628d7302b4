package org.landmarknas.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Smoke tests: each benchmark's setup (which checks native against Java) and one call each. */
final class KernelBenchmarksTest {

  @Test
  void rankingLoss_setupAgreesAndMethodsRun() {
    for (String pairs : new String[] {"all", "sampled"}) {
      RankingLossBenchmark b = new RankingLossBenchmark();
      b.landmarks = 30;
      b.pairs = pairs;
      RankingLossBenchmark.Inputs in = new RankingLossBenchmark.Inputs();
      in.setUp(b);
      RankingLossBenchmark.Tensors t = new RankingLossBenchmark.Tensors();
      t.setUp(in); // throws if the four forms disagree
      double value = b.java(in).value();
      assertEquals(value, b.nativeArrays(in), 1e-12);
      assertEquals(value, b.nativeTensor(in, t), 1e-5 * value);
      assertEquals(value + 30, b.libtorch(t), 1e-5 * value);
      t.tearDown();
    }
  }

  @Test
  void sparseKendallTau_setupAgreesAndMethodsRun() {
    SparseKendallTauBenchmark b = new SparseKendallTauBenchmark();
    b.n = 200;
    b.setUp(); // throws if native and Java differ
    assertEquals(b.sparseJava(), b.sparseNative());
    assertEquals(b.tauBJava(), b.tauBNative());
    assertTrue(b.tauBJava() > 0.5);
  }

  @Test
  void batchAugmentation_setupAgreesAndMethodsRun() {
    for (String shape : new String[] {"1x28x28", "3x32x32"}) {
      BatchAugmentationBenchmark b = new BatchAugmentationBenchmark();
      b.shape = shape;
      b.setUp(); // throws if native and Java batches differ
      int floats = BatchAugmentationBenchmark.BATCH * (shape.startsWith("1") ? 784 : 3072);
      assertEquals(floats, b.batchAssembler().length);
      assertEquals(floats, b.native1Thread().length);
      assertEquals(floats, b.native2Threads().length);
    }
  }
}

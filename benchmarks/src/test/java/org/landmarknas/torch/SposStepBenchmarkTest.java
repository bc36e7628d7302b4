package org.landmarknas.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Runs each benchmark method a few times outside JMH, so a broken benchmark fails the build. */
final class SposStepBenchmarkTest {

  @Test
  void benchmarkMethods_batchNormModes_trainOnFullBatches() {
    FashionMnistPresent.require();
    for (BatchNormMode mode : BatchNormMode.values()) {
      SposStepBenchmark bench = new SposStepBenchmark();
      bench.batchNorm = mode.id();
      bench.setUp();
      for (int i = 0; i < 3; i++) {
        check(bench.step());
        check(bench.stepPreparedBatch());
      }
    }
  }

  private static void check(SposStep.StepResult r) {
    assertEquals(SposWorkload.BATCH, r.size());
    assertTrue(Double.isFinite(r.loss()) && r.loss() > 0, "loss " + r.loss());
  }
}

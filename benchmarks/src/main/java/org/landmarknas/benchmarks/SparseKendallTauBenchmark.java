package org.landmarknas.benchmarks;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.landmarknas.metric.KendallTau;
import org.landmarknas.metric.SparseKendallTau;
import org.landmarknas.nativekernels.NativeKendallTau;
import org.landmarknas.nativekernels.NativeSparseKendallTau;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time of the sparse Kendall tau (S-KdT) and of plain tau-b of {@code n} predictions against
 * accuracies: the engine's {@link SparseKendallTau} and {@link KendallTau} against {@link
 * NativeSparseKendallTau} and {@link NativeKendallTau}, all on Java arrays. n = 200 is a typical
 * evaluation pool, 100,000 a large one (NAS-Bench-201 has 15,625 cells). Accuracies are uniform
 * in [60, 95] %, about 35 per 0.1 % bin at n = 100,000; predictions are the accuracy plus
 * Gaussian noise (sd 5), rounded to 0.01 so that they tie now and then.
 *
 * <p>{@code @Setup} checks that native and Java agree bit for bit.
 *
 * <p>Run (from the repository root, after {@code mvn -B -q -Pbench -pl benchmarks -am package
 * -DskipTests}):
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar org.landmarknas.benchmarks.SparseKendallTauBenchmark \
 *     -f 1 -wi 2 -w 1s -i 3 -r 1s
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class SparseKendallTauBenchmark {

  /** Number of architectures. */
  @Param({"200", "100000"})
  public int n;

  double[] pred;
  double[] gtPercent;

  /** Draws the scores and checks that the implementations agree. */
  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom rng = new SplittableRandom(7);
    pred = new double[n];
    gtPercent = new double[n];
    for (int i = 0; i < n; i++) {
      gtPercent[i] = 60.0 + 35.0 * rng.nextDouble();
      pred[i] = Math.round((gtPercent[i] + 5.0 * rng.nextGaussian()) * 100.0) / 100.0;
    }
    double sparse = SparseKendallTau.of(pred, gtPercent);
    double tau = KendallTau.tauB(pred, gtPercent);
    System.out.printf(Locale.ROOT, "n=%d: S-KdT %.6f, tau-b %.6f%n", n, sparse, tau);
    if (Double.compare(sparse, NativeSparseKendallTau.of(pred, gtPercent)) != 0
        || Double.compare(tau, NativeKendallTau.tauB(pred, gtPercent)) != 0) {
      throw new IllegalStateException("native and Java Kendall tau differ for n=" + n);
    }
  }

  /** The engine's S-KdT. */
  @Benchmark
  public double sparseJava() {
    return SparseKendallTau.of(pred, gtPercent);
  }

  /** The native S-KdT (including the copy of the accuracies into fractions). */
  @Benchmark
  public double sparseNative() {
    return NativeSparseKendallTau.of(pred, gtPercent);
  }

  /** The engine's tau-b. */
  @Benchmark
  public double tauBJava() {
    return KendallTau.tauB(pred, gtPercent);
  }

  /** The native tau-b. */
  @Benchmark
  public double tauBNative() {
    return NativeKendallTau.tauB(pred, gtPercent);
  }
}

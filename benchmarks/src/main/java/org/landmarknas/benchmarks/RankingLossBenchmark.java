package org.landmarknas.benchmarks;

import static org.bytedeco.pytorch.global.torch.empty;
import static org.bytedeco.pytorch.global.torch.grad;
import static org.bytedeco.pytorch.global.torch.set_num_threads;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.MemoryFormatOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.landmarknas.landmark.HingeLoss;
import org.landmarknas.landmark.LandmarkPair;
import org.landmarknas.landmark.PairwiseRankingLoss;
import org.landmarknas.nativekernels.NativeRankingLoss;
import org.landmarknas.nativekernels.TensorKernels;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time of one evaluation of the landmark ranking regulariser (hinge, unweighted) with its
 * gradient dR/dL over {@code landmarks} = M landmark losses, for all M(M-1)/2 pairs or for
 * {@value #SAMPLED_PAIRS} uniformly sampled pairs, in five ways:
 *
 * <ul>
 *   <li>{@code java}: the engine's {@link PairwiseRankingLoss} on a {@code double[]} and a list
 *       of {@link LandmarkPair}s (returns a fresh gradient array);
 *   <li>{@code nativeArrays}: {@link NativeRankingLoss} on {@code double[]}/{@code int[]} (f64,
 *       pinned arrays), gradient into a reused array;
 *   <li>{@code nativeTensor}: {@link NativeRankingLoss} f32 on the memory of a libtorch float
 *       tensor of losses, gradient into another tensor's memory;
 *   <li>{@code tensorKernels}: the same kernel through {@link TensorKernels} (int32 index
 *       tensors; checks, backend chosen by device, a new gradient tensor per call);
 *   <li>{@code libtorch}: the same R composed from libtorch ops on that tensor ({@code
 *       index_select} of the better and worse losses, {@code sub}, {@code relu}, {@code mean}),
 *       then {@code torch::autograd::grad} for dR/dL (a backward pass), R read with {@code
 *       item}. libtorch runs with 2 intra-op threads, as the trainer does; the native kernel is
 *       single-threaded.
 * </ul>
 *
 * <p>{@code @Setup} checks that the four agree (f32 to 1e-6 relative) and fails otherwise.
 *
 * <p>Run (from the repository root, after {@code mvn -B -q -Pbench -pl benchmarks -am package
 * -DskipTests}):
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar org.landmarknas.benchmarks.RankingLossBenchmark \
 *     -f 1 -wi 2 -w 1s -i 3 -r 1s
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Dorg.bytedeco.javacpp.nopointergc=true", "-Xmx2g"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class RankingLossBenchmark {

  private static final TensorKernels KERNELS = TensorKernels.onDefaultStream();

  /** Pairs per evaluation when {@code pairs = sampled}. */
  public static final int SAMPLED_PAIRS = 10;

  /** Landmarks M, the paper's 30 and a large set. */
  @Param({"30", "1000"})
  public int landmarks;

  /** {@code all} M(M-1)/2 pairs, or {@code sampled}: {@value #SAMPLED_PAIRS} uniform pairs. */
  @Param({"all", "sampled"})
  public String pairs;

  /** The inputs as Java values. */
  @State(Scope.Thread)
  public static class Inputs {
    double[] losses;
    List<LandmarkPair> pairList;
    int[] better;
    int[] worse;
    double[] grad;
    final PairwiseRankingLoss reference = new PairwiseRankingLoss(new HingeLoss());
    final NativeRankingLoss kernel = NativeRankingLoss.hinge();

    /** Random losses in [0.5, 3.5] (so about half of the pairs are active) and the pairs. */
    @Setup(Level.Trial)
    public void setUp(RankingLossBenchmark b) {
      SplittableRandom rng = new SplittableRandom(42);
      int m = b.landmarks;
      losses = rng.doubles(m, 0.5, 3.5).toArray();
      pairList = new ArrayList<>();
      if (b.pairs.equals("all")) {
        for (int w = 0; w < m; w++) {
          for (int better = w + 1; better < m; better++) {
            pairList.add(new LandmarkPair(w, better));
          }
        }
      } else if (b.pairs.equals("sampled")) {
        for (int p = 0; p < SAMPLED_PAIRS; p++) {
          int x = rng.nextInt(m);
          int y = rng.nextInt(m - 1);
          y = y >= x ? y + 1 : y;
          pairList.add(new LandmarkPair(Math.min(x, y), Math.max(x, y)));
        }
      } else {
        throw new IllegalArgumentException("pairs must be all or sampled, got " + b.pairs);
      }
      better = pairList.stream().mapToInt(LandmarkPair::better).toArray();
      worse = pairList.stream().mapToInt(LandmarkPair::worse).toArray();
      grad = new double[m];
    }
  }

  /** The inputs in libtorch tensors (float32) and native int arrays. */
  @State(Scope.Thread)
  public static class Tensors {
    Tensor losses;
    Tensor better;
    Tensor worse;
    Tensor grad;
    Tensor betterInt;
    Tensor worseInt;
    FloatPointer lossesData;
    FloatPointer gradData;
    IntPointer betterData;
    IntPointer worseData;

    /** Copies {@link Inputs} into tensors and checks that all four forms agree. */
    @Setup(Level.Trial)
    public void setUp(Inputs in) {
      set_num_threads(2);
      int n = in.losses.length;
      int m = in.better.length;
      losses = empty(new long[] {n}, new TensorOptions(ScalarType.Float),
          new MemoryFormatOptional());
      lossesData = losses.data_ptr_float();
      for (int k = 0; k < n; k++) {
        lossesData.put(k, (float) in.losses[k]);
      }
      losses.set_requires_grad(true);
      better = empty(new long[] {m}, new TensorOptions(ScalarType.Long),
          new MemoryFormatOptional());
      worse = empty(new long[] {m}, new TensorOptions(ScalarType.Long),
          new MemoryFormatOptional());
      for (int p = 0; p < m; p++) {
        better.data_ptr_long().put(p, in.better[p]);
        worse.data_ptr_long().put(p, in.worse[p]);
      }
      betterInt = better.to(ScalarType.Int);
      worseInt = worse.to(ScalarType.Int);
      grad = empty(new long[] {n}, new TensorOptions(ScalarType.Float),
          new MemoryFormatOptional());
      gradData = grad.data_ptr_float();
      betterData = new IntPointer(in.better);
      worseData = new IntPointer(in.worse);
      check(in);
    }

    private void check(Inputs in) {
      int n = in.losses.length;
      PairwiseRankingLoss.Evaluation ref = in.reference.evaluate(in.losses, in.pairList);
      double nativeValue = in.kernel.evaluate(in.losses, in.better, in.worse, null, in.grad);
      double tensorValue = in.kernel.evaluate(lossesData, n, betterData, worseData, null,
          in.better.length, gradData);
      float[] torchGrad = new float[n];
      double torchValue;
      try (PointerScope scope = new PointerScope()) {
        Tensor r = composed();
        torchValue = r.item_double();
        grad(new TensorVector(r), new TensorVector(losses)).get(0).data_ptr_float()
            .get(torchGrad);
      }
      double worst = relative(ref.value(), nativeValue) + relative(ref.value(), tensorValue)
          + relative(ref.value(), torchValue);
      for (int k = 0; k < n; k++) {
        double scale = Math.abs(ref.gradient(k)) + 1e-9;
        worst = Math.max(worst, Math.abs(ref.gradient(k) - in.grad[k]) / scale);
        worst = Math.max(worst, Math.abs(ref.gradient(k) - gradData.get(k)) / scale);
        worst = Math.max(worst, Math.abs(ref.gradient(k) - torchGrad[k]) / scale);
      }
      System.out.printf(Locale.ROOT, "ranking loss M=%d m=%d: R=%.6f, largest relative"
          + " difference %.2g%n", n, in.better.length, ref.value(), worst);
      if (!(worst <= 1e-5)) {
        throw new IllegalStateException(String.format(Locale.ROOT,
            "ranking loss forms disagree by %.3g (relative)", worst));
      }
    }

    private static double relative(double expected, double actual) {
      return Math.abs(expected - actual) / Math.max(1e-12, Math.abs(expected));
    }

    Tensor composed() {
      return losses.index_select(0, better).sub(losses.index_select(0, worse)).relu().mean();
    }

    /** Frees the native int arrays (the tensors go with the JVM). */
    @TearDown(Level.Trial)
    public void tearDown() {
      betterData.close();
      worseData.close();
    }
  }

  /** The engine's Java reference. */
  @Benchmark
  public PairwiseRankingLoss.Evaluation java(Inputs in) {
    return in.reference.evaluate(in.losses, in.pairList);
  }

  /** The native kernel on Java arrays (f64). */
  @Benchmark
  public double nativeArrays(Inputs in) {
    return in.kernel.evaluate(in.losses, in.better, in.worse, null, in.grad);
  }

  /** The native kernel on tensor memory (f32), no copies. */
  @Benchmark
  public float nativeTensor(Inputs in, Tensors t) {
    return in.kernel.evaluate(t.lossesData, in.losses.length, t.betterData, t.worseData, null,
        in.better.length, t.gradData);
  }

  /**
   * The native kernel through {@link TensorKernels}: tensors checked, backend picked by their
   * device (CPU here), a fresh gradient tensor allocated; the cost of the tensor API over {@link
   * #nativeTensor}.
   */
  @Benchmark
  public double tensorKernels(Tensors t, Inputs in) {
    try (PointerScope scope = new PointerScope()) {
      TensorKernels.RankingLoss r = KERNELS.rankingLoss(in.kernel, t.losses, t.betterInt,
          t.worseInt, null);
      return r.value() + r.grad().numel();
    }
  }

  /** libtorch ops with autograd for the gradient. */
  @Benchmark
  public double libtorch(Tensors t) {
    try (PointerScope scope = new PointerScope()) {
      Tensor r = t.composed();
      Tensor g = grad(new TensorVector(r), new TensorVector(t.losses)).get(0);
      return r.item_double() + g.numel();
    }
  }
}

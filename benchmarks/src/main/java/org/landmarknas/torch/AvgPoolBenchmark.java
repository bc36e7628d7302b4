package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.avg_pool2d;
import static org.bytedeco.pytorch.global.torch.grad;
import static org.bytedeco.pytorch.global.torch.manual_seed;
import static org.bytedeco.pytorch.global.torch.randn;
import static org.bytedeco.pytorch.global.torch.set_num_threads;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.BoolOptional;
import org.bytedeco.pytorch.LongOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
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
 * Time of one forward and backward pass of NB201's {@code avg_pool_3x3} (3x3, stride 1, padding
 * 1, padding not counted) on a 64x16x28x28 tensor, the first stage's shape in a Fashion-MNIST
 * step, in two forms: libtorch's own {@code avg_pool2d(count_include_pad=false)} and the
 * depthwise convolution {@link AvgPool3x3} uses instead. The ratio of the two is why
 * {@link AvgPool3x3} exists: libtorch 2.10's CPU {@code avg_pool2d} with that flag is several
 * times slower.
 *
 * <p>The backward pass is {@code torch::autograd::grad} of the output with a fixed random output
 * gradient, so no gradient accumulates between calls. {@code @Setup} checks that both forms give
 * the same output and input gradient (to 1e-5) and prints the largest difference.
 *
 * <p>In a fork that runs only this op, glibc returns the freed tensors' memory to the kernel after
 * each call, and the depthwise form, which allocates more tensors, pays page faults for it (about
 * 7 ms/op instead of 2.2 with {@code MALLOC_TRIM_THRESHOLD_} and {@code MALLOC_MMAP_THRESHOLD_}
 * raised); {@code benchmarks/README.md} has the figures.
 *
 * <p>Run (from the repository root, after {@code mvn -B -q -Pbench -pl benchmarks -am package
 * -DskipTests}):
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar AvgPoolBenchmark -rf json -rff avgpool.json
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Dorg.bytedeco.javacpp.nopointergc=true", "-Xmx4g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 4)
public class AvgPoolBenchmark {
  /** Largest tolerated difference between the two forms, output or gradient. */
  static final double TOLERANCE = 1e-5;
  private static final long[] SHAPE = {64, 16, 28, 28};

  /** The two ways to compute the same pooling. */
  public enum Form {
    /** {@code avg_pool2d(x, 3, 1, 1, ceil_mode=false, count_include_pad=false)}. */
    AVG_POOL2D,
    /** {@link AvgPool3x3}: ones-kernel depthwise convolution times a reciprocal-count map. */
    DEPTHWISE
  }

  /** Which form to time. */
  @Param({"AVG_POOL2D", "DEPTHWISE"})
  public Form form;

  private final AvgPool3x3 depthwise = new AvgPool3x3();
  private Tensor input;
  private Tensor outputGrad;

  /** Draws the input and output gradient and checks that the two forms agree. */
  @Setup(Level.Trial)
  public void setUp() {
    set_num_threads(SposWorkload.THREADS);
    manual_seed(0);
    input = randn(SHAPE);
    input.set_requires_grad(true);
    outputGrad = randn(SHAPE);
    double difference = maxDifference();
    System.out.printf(Locale.ROOT, "avg_pool2d vs depthwise: max abs difference %.3g%n",
        difference);
    if (!(difference <= TOLERANCE)) {
      throw new IllegalStateException(String.format(Locale.ROOT,
          "avg_pool2d and the depthwise form differ by %.3g (tolerance %.1g)", difference,
          TOLERANCE));
    }
  }

  /** One forward and backward pass of the chosen form; returns the input gradient's size. */
  @Benchmark
  public long forwardBackward() {
    try (PointerScope scope = new PointerScope()) {
      return inputGrad(pool(form, input)).numel();
    }
  }

  /** Largest absolute difference between the two forms' outputs and input gradients. */
  double maxDifference() {
    try (PointerScope scope = new PointerScope()) {
      Tensor a = pool(Form.AVG_POOL2D, input);
      Tensor b = pool(Form.DEPTHWISE, input);
      double outputs = a.sub(b).abs().max().item_double();
      double grads = inputGrad(a).sub(inputGrad(b)).abs().max().item_double();
      return Math.max(outputs, grads);
    }
  }

  private Tensor pool(Form f, Tensor x) {
    return switch (f) {
      case AVG_POOL2D -> avg_pool2d(x, new long[] {3, 3}, new long[] {1, 1}, new long[] {1, 1},
          false, false, new LongOptional());
      case DEPTHWISE -> depthwise.forward(x);
    };
  }

  private Tensor inputGrad(Tensor output) {
    TensorVector g = grad(new TensorVector(output), new TensorVector(input),
        new TensorVector(outputGrad), new BoolOptional(), false, false);
    return g.get(0);
  }
}

package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.conv2d;
import static org.bytedeco.pytorch.global.torch.grad;
import static org.bytedeco.pytorch.global.torch.manual_seed;
import static org.bytedeco.pytorch.global.torch.randn;
import static org.bytedeco.pytorch.global.torch.set_num_threads;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.BoolOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
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
 * Time of one forward and backward pass (input and kernel gradients) of DARTS's dilated
 * depthwise convolution, stride 1, on a 128x8x28x28 tensor: the first normal cell's shape in a
 * Fashion-MNIST stand-alone training at C 8, batch 128. Two forms: libtorch's {@code conv2d}
 * with dilation 2, and the undilated convolution on the four sub-grids that
 * {@link DilatedDepthwise} computes instead; in both memory orders, as the trainer's
 * {@code --memory-format} chooses. {@code @Setup} checks that the forms agree to 1e-5 of
 * the largest value.
 *
 * <p>Run (after {@code mvn -B -q -Pbench -pl benchmarks -am package -DskipTests}):
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar DilatedConvBenchmark -rf json -rff dilated.json
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Dorg.bytedeco.javacpp.nopointergc=true", "-Xmx4g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 4)
public class DilatedConvBenchmark {
  private static final double TOLERANCE = 1e-5;
  private static final long[] SHAPE = {128, 8, 28, 28};

  /** The two ways to compute the same convolution. */
  public enum Form {
    /** {@code conv2d(x, w, stride 1, padding k - 1, dilation 2, groups C)}. */
    DILATED,
    /** {@link DilatedDepthwise#conv}: undilated on the four interleaved sub-grids. */
    SUBGRIDS
  }

  /** Which form to time. */
  @Param({"DILATED", "SUBGRIDS"})
  public Form form;

  /** The kernel size: 3 ({@code dil_conv_3x3}) or 5 ({@code dil_conv_5x5}). */
  @Param({"3", "5"})
  public int kernel;

  /** The input's memory order. */
  @Param({"CHANNELS_LAST", "CONTIGUOUS"})
  public TensorLayout layout;

  private Tensor input;
  private Tensor weight;
  private Tensor outputGrad;

  /** Draws input, kernel and output gradient and checks that the two forms agree. */
  @Setup(Level.Trial)
  public void setUp() {
    set_num_threads(1);
    manual_seed(0);
    input = layout.layOut(randn(SHAPE));
    input.set_requires_grad(true);
    weight = layout.layOut(randn(SHAPE[1], 1, kernel, kernel));
    weight.set_requires_grad(true);
    outputGrad = layout.layOut(randn(SHAPE));
    try (PointerScope scope = new PointerScope()) {
      Tensor a = conv(Form.DILATED);
      Tensor b = conv(Form.SUBGRIDS);
      TensorVector ga = grads(a);
      TensorVector gb = grads(b);
      double difference = Math.max(relative(a, b),
          Math.max(relative(ga.get(0), gb.get(0)), relative(ga.get(1), gb.get(1))));
      System.out.printf(Locale.ROOT, "dilated vs sub-grids: max relative difference %.3g%n",
          difference);
      if (!(difference <= TOLERANCE)) {
        throw new IllegalStateException(String.format(Locale.ROOT,
            "the two forms differ by %.3g (tolerance %.1g)", difference, TOLERANCE));
      }
    }
  }

  /**
   * The largest difference relative to the largest magnitude: the kernel gradient sums 10^5
   * products per entry, so its rounding is absolute-large and relative-small.
   */
  private static double relative(Tensor reference, Tensor other) {
    return reference.sub(other).abs().max().item_double()
        / reference.abs().max().item_double();
  }

  /** One forward and backward pass of the chosen form; returns the gradients' element count. */
  @Benchmark
  public long forwardBackward() {
    try (PointerScope scope = new PointerScope()) {
      TensorVector g = grads(conv(form));
      return g.get(0).numel() + g.get(1).numel();
    }
  }

  private Tensor conv(Form f) {
    long pad = kernel - 1;
    return switch (f) {
      case DILATED -> conv2d(input, weight, new TensorOptional(), new long[] {1, 1},
          new long[] {pad, pad}, new long[] {2, 2}, SHAPE[1]);
      case SUBGRIDS -> DilatedDepthwise.conv(input, weight, kernel, 1, (int) SHAPE[1]);
    };
  }

  private TensorVector grads(Tensor output) {
    return grad(new TensorVector(output), new TensorVector(input, weight),
        new TensorVector(outputGrad), new BoolOptional(), false, false);
  }
}

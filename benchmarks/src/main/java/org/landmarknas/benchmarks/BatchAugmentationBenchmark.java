package org.landmarknas.benchmarks;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.landmarknas.data.Augmentation;
import org.landmarknas.data.BatchAssembler;
import org.landmarknas.data.ImageData;
import org.landmarknas.data.Normalization;
import org.landmarknas.nativekernels.AugmentationDraws;
import org.landmarknas.nativekernels.NativeBatchAugmentation;
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
 * Time to assemble one augmented training batch of {@value #BATCH} images into a {@code float[]}
 * (normalised NCHW): the engine's {@link BatchAssembler} against {@link NativeBatchAugmentation}
 * with 1 and 2 threads, each including its random draws. Shapes: Fashion-MNIST 1x28x28 (crop
 * padding 2 and flips, as the default search) and CIFAR 3x32x32 (padding 4 and flips, the
 * NAS-Bench-201 recipe), from 2,048 random images (content does not change the cost).
 *
 * <p>{@code @Setup} checks that native and Java batches are equal for the same draws.
 *
 * <p>Run (from the repository root, after {@code mvn -B -q -Pbench -pl benchmarks -am package
 * -DskipTests}):
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar org.landmarknas.benchmarks.BatchAugmentationBenchmark \
 *     -f 1 -wi 2 -w 1s -i 3 -r 1s
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class BatchAugmentationBenchmark {

  /** Images per batch. */
  public static final int BATCH = 256;
  private static final int IMAGES = 2048;

  /** Image shape: {@code 1x28x28} (Fashion-MNIST) or {@code 3x32x32} (CIFAR). */
  @Param({"1x28x28", "3x32x32"})
  public String shape;

  private byte[] pixels;
  private int[] order;
  /** {@code order} cut into batches, so the native calls need no per-call copy. */
  private int[][] batches;
  private int from;
  private Augmentation augmentation;
  private BatchAssembler assembler;
  private NativeBatchAugmentation oneThread;
  private NativeBatchAugmentation twoThreads;
  private AugmentationDraws draws;
  private final SplittableRandom rng = new SplittableRandom(3);
  private float[] out;
  private long[] labels;

  /** Random images, an epoch order, both assemblers; checks that they agree. */
  @Setup(Level.Trial)
  public void setUp() {
    String[] dims = shape.split("x");
    int channels = Integer.parseInt(dims[0]);
    int height = Integer.parseInt(dims[1]);
    int width = Integer.parseInt(dims[2]);
    SplittableRandom data = new SplittableRandom(1);
    pixels = new byte[IMAGES * channels * height * width];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (byte) data.nextInt(256);
    }
    ImageData images = new ImageData("random-" + shape, channels, height, width, 10, pixels,
        new byte[IMAGES]);
    Normalization normalization = channels == 3 ? Normalization.CIFAR10
        : Normalization.FASHION_MNIST;
    augmentation = channels == 3 ? Augmentation.CIFAR_STANDARD : new Augmentation(2, true);
    assembler = new BatchAssembler(images, normalization, augmentation);
    double[] mean = normalization.mean().stream().mapToDouble(Double::doubleValue).toArray();
    double[] std = normalization.std().stream().mapToDouble(Double::doubleValue).toArray();
    float[] table = NativeBatchAugmentation.normalizationTable(mean, std);
    oneThread = new NativeBatchAugmentation(channels, height, width, table, 1);
    twoThreads = new NativeBatchAugmentation(channels, height, width, table, 2);
    draws = new AugmentationDraws(BATCH);
    order = new int[IMAGES];
    for (int i = 0; i < IMAGES; i++) {
      order[i] = data.nextInt(IMAGES);
    }
    batches = new int[IMAGES / BATCH][];
    for (int b = 0; b < batches.length; b++) {
      batches[b] = Arrays.copyOfRange(order, b * BATCH, (b + 1) * BATCH);
    }
    out = new float[BATCH * assembler.floatsPerImage()];
    labels = new long[BATCH];
    float[] expected = new float[out.length];
    assembler.fill(order, 0, BATCH, true, new SplittableRandom(9), expected, labels);
    draws.draw(new SplittableRandom(9), augmentation.cropPadding(),
        augmentation.horizontalFlip(), BATCH);
    twoThreads.fill(pixels, order, draws.dy(), draws.dx(), draws.flip(), BATCH, out);
    if (!Arrays.equals(expected, out)) {
      throw new IllegalStateException("native and Java batches differ for " + shape);
    }
  }

  /** Start of the next batch in {@code order}, cycling through the epoch. */
  private int next() {
    from = from + 2 * BATCH <= IMAGES ? from + BATCH : 0;
    return from;
  }

  /** The engine's pure-Java assembler. */
  @Benchmark
  public float[] batchAssembler() {
    assembler.fill(order, next(), BATCH, true, rng, out, labels);
    return out;
  }

  /** The native kernel, one thread. */
  @Benchmark
  public float[] native1Thread() {
    return nativeFill(oneThread);
  }

  /** The native kernel, two threads. */
  @Benchmark
  public float[] native2Threads() {
    return nativeFill(twoThreads);
  }

  private float[] nativeFill(NativeBatchAugmentation kernel) {
    int[] index = batches[next() / BATCH];
    draws.draw(rng, augmentation.cropPadding(), augmentation.horizontalFlip(), BATCH);
    kernel.fill(pixels, index, draws.dy(), draws.dx(), draws.flip(), BATCH, out);
    return out;
  }
}

package org.landmarknas.torch;

import java.util.concurrent.TimeUnit;
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
 * The SPOS step of {@link SposStepBenchmark} (batch 64, C=16, N=1, 2 threads, augmented
 * Fashion-MNIST) with the super-net forward in float32 or under CPU autocast to bfloat16
 * ({@code supernet.precision}). This CPU has AMX and AVX-512-BF16, so bf16 convolutions run on
 * native instructions; at C=16 on 28x28 images the convolutions are small, so the casts around
 * them may eat the gain: the benchmark decides the config default.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar MixedPrecisionBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Dorg.bytedeco.javacpp.nopointergc=true", "-Xmx4g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 4)
public class MixedPrecisionBenchmark {

  /** {@link Precision#id()} of the super-net forward. */
  @Param({"fp32", "bf16"})
  public String precision;

  private SposWorkload workload;

  /** Loads the data and builds the super-net in the chosen precision. */
  @Setup(Level.Trial)
  public void setUp() {
    workload = SposWorkload.create(BatchNormMode.BATCH, 0);
    workload.network().setPrecision(Precision.ofId(precision));
  }

  /** One training step, batch assembly included. */
  @Benchmark
  public SposStep.StepResult step() {
    return workload.trainStep();
  }
}

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
 * Throughput, in steps per second, of one SPOS super-net training step (forward, cross-entropy,
 * backward, gradient clipping, SGD with momentum and weight decay) on real Fashion-MNIST: batch
 * 64, C=16, N=1, 2 libtorch threads, a uniformly random NB201 architecture per step; see {@link
 * SposWorkload}. This step is the whole cost of super-net training, so steps/s decides how long a
 * search takes, and it is the figure compared with the PyTorch reference in
 * {@code benchmarks/README.md}.
 *
 * <ul>
 *   <li>{@link #step()}: the step as training runs it, including the assembly of an augmented
 *       batch (random crop and flip in Java, normalisation, one copy into tensors).
 *   <li>{@link #stepPreparedBatch()}: the same step on batches assembled in {@code @Setup}, so
 *       the difference between the two is the cost of batch assembly.
 * </ul>
 *
 * <p>{@code batchNorm} sweeps the super-net's BatchNorm mode ({@code batch}: batch statistics
 * only, the default; {@code running}: also updates running averages).
 *
 * <p>Each call runs in its own {@link org.bytedeco.javacpp.PointerScope}; the fork runs with
 * {@code -Dorg.bytedeco.javacpp.nopointergc=true}, so nothing is freed by the garbage collector
 * and a scope leak would show as growing memory, not as GC pauses. Throughput mode on a training
 * step (which never reaches a true steady state: the weights change) is acceptable here because
 * the step's cost does not depend on the weights, only on the sampled architecture, which is
 * averaged over hundreds of draws per iteration.
 *
 * <p>Run (from the repository root; {@code benchmarks/run.sh} runs this and the rest):
 *
 * <pre>
 * mvn -B -q -Pbench -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar SposStepBenchmark -rf json -rff spos.json
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Dorg.bytedeco.javacpp.nopointergc=true", "-Xmx4g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 4)
public class SposStepBenchmark {
  /** Batches cycled by {@link #stepPreparedBatch()}; several, so the data still varies. */
  static final int PREPARED_BATCHES = 16;

  /** BatchNorm mode of the super-net, by {@link BatchNormMode#id()}. */
  @Param({"batch", "running"})
  public String batchNorm;

  private SposWorkload workload;
  private LabeledBatch[] prepared;
  private int next;

  /** Loads the data, builds the super-net and assembles the prepared batches. */
  @Setup(Level.Trial)
  public void setUp() {
    workload = SposWorkload.create(BatchNormMode.ofId(batchNorm), 0);
    prepared = new LabeledBatch[PREPARED_BATCHES];
    for (int i = 0; i < prepared.length; i++) {
      prepared[i] = workload.prepareBatch();
    }
  }

  /** One training step, batch assembly included. */
  @Benchmark
  public SposStep.StepResult step() {
    return workload.trainStep();
  }

  /** One training step on a batch assembled in {@code @Setup}. */
  @Benchmark
  public SposStep.StepResult stepPreparedBatch() {
    LabeledBatch batch = prepared[next];
    next = (next + 1) % prepared.length;
    return workload.trainStep(batch);
  }
}

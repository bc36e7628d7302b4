package org.landmarknas.torch;

import java.util.Arrays;
import java.util.Locale;

/**
 * One whole-process measurement of the {@link SposWorkload} step, the engine's half of the
 * peer pairs ({@code benchmarks/peer-pairs.sh}): {@code warmup} steps, then {@code steps} timed
 * ones on 16 batches prepared up front (the peer also steps on prepared batches), printed as one
 * {@code RESULT} line in the peer's format. A JMH fork measures the same step in a JVM warmed by
 * JMH's harness; a whole process per side is what the pairs compare, since the peer has no JMH.
 *
 * <pre>
 * java -Dorg.bytedeco.javacpp.nopointergc=true -Xmx4g \
 *     -cp benchmarks/target/benchmarks.jar org.landmarknas.torch.SposStepRun \
 *     [steps] [warmup] [contiguous|channels-last]
 * </pre>
 */
public final class SposStepRun {
  private static final int PREPARED = 16;

  private SposStepRun() {}

  /** Runs the measurement; exit status 2 on bad arguments. */
  public static void main(String[] args) {
    if (args.length > 3 || !Arrays.stream(args).limit(2).allMatch(a -> a.matches("\\d{1,6}"))) {
      System.err.println("SposStepRun: expected [steps] [warmup] as whole numbers and"
          + " [contiguous|channels-last], got " + String.join(" ", args));
      System.exit(2);
    }
    TensorLayout layout = TensorLayout.CONTIGUOUS;
    try {
      layout = args.length > 2 ? TensorLayout.ofId(args[2]) : layout;
    } catch (IllegalArgumentException e) {
      System.err.println("SposStepRun: " + e.getMessage());
      System.exit(2);
    }
    int steps = args.length > 0 ? Integer.parseInt(args[0]) : 600;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    if (steps < 1) {
      System.err.println("SposStepRun: steps must be at least 1, got " + steps);
      System.exit(2);
    }
    System.out.println(measure(steps, warmup, layout));
  }

  /** Runs {@code warmup} then {@code steps} timed steps and returns the {@code RESULT} line. */
  static String measure(int steps, int warmup, TensorLayout layout) {
    Libtorch.load();
    SposWorkload workload = SposWorkload.create(BatchNormMode.BATCH, 0, layout);
    LabeledBatch[] batches = new LabeledBatch[PREPARED];
    for (int i = 0; i < PREPARED; i++) {
      batches[i] = workload.prepareBatch();
    }
    double[] millis = new double[steps];
    double lossTail = 0;
    int tail = Math.min(50, steps);
    for (int s = 0; s < warmup + steps; s++) {
      long t0 = System.nanoTime();
      double loss = workload.trainStep(batches[s % PREPARED]).loss();
      if (s >= warmup) {
        millis[s - warmup] = (System.nanoTime() - t0) / 1e6;
      }
      if (s >= warmup + steps - tail) {
        lossTail += loss;
      }
    }
    double total = Arrays.stream(millis).sum() / 1000;
    Arrays.sort(millis);
    return String.format(Locale.ROOT, "RESULT engine layout=%s threads=%d batch=%d pairs=0"
            + " steps=%d steps/s=%.2f median_ms=%.2f rss_mib=%.1f last_loss=%.4f",
        layout.id(), SposWorkload.THREADS, SposWorkload.BATCH, steps, steps / total,
        millis[steps / 2], SposMemoryCheck.residentKiB() / 1024.0, lossTail / tail);
  }
}

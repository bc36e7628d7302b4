package org.landmarknas.torch;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * One whole-process measurement of the landmark step against the SPOS step of the same process,
 * the engine's side of {@code benchmarks/landmark-pairs.sh}: the {@link LandmarkStepBenchmark}
 * setting (batch 64, C=16, N=1, 2 threads, m = 1 pair, lambda 10, 71 % of pairs in order, learning
 * rate 0 so that share stays put), {@code steps} timed steps of each after {@code warmup}, in
 * blocks of 50 that alternate, so a drift of the machine hits both. Prints one {@code RESULT}
 * line per step kind, in the peer's format.
 *
 * <pre>
 * java -Dorg.bytedeco.javacpp.nopointergc=true -Xmx4g \
 *     -cp benchmarks/target/benchmarks.jar org.landmarknas.torch.LandmarkStepRun [steps] [warmup]
 * </pre>
 */
public final class LandmarkStepRun {
  private static final int BLOCK = 50;

  private LandmarkStepRun() {}

  /** Runs the measurement; exit status 2 on bad arguments. */
  public static void main(String[] args) {
    if (args.length > 2 || !Arrays.stream(args).allMatch(a -> a.matches("\\d{1,6}"))) {
      System.err.println("LandmarkStepRun: expected [steps] [warmup] as whole numbers, got "
          + String.join(" ", args));
      System.exit(2);
    }
    int steps = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    if (steps < BLOCK || steps % BLOCK != 0) {
      System.err.println("LandmarkStepRun: steps must be a multiple of " + BLOCK + ", got "
          + steps);
      System.exit(2);
    }
    measure(steps, warmup).forEach(System.out::println);
  }

  /** The two {@code RESULT} lines: SPOS (pairs=0), then the lazy landmark step (pairs=1). */
  static List<String> measure(int steps, int warmup) {
    Libtorch.load();
    LandmarkStepBenchmark bench = new LandmarkStepBenchmark();
    bench.disorder = 0.28;
    bench.setUp();
    for (int i = 0; i < warmup; i++) {
      bench.spos();
      bench.landmarkLazyGraph();
    }
    double[] spos = new double[steps];
    double[] landmark = new double[steps];
    for (int done = 0; done < steps; done += BLOCK) {
      int n = Math.min(BLOCK, steps - done);
      time(bench::spos, spos, done, n);
      time(bench::landmarkLazyGraph, landmark, done, n);
    }
    return List.of(line(0, spos, bench.inOrder), line(1, landmark, bench.inOrder));
  }

  private static void time(Supplier<SposStep.StepResult> step, double[] millis, int from, int n) {
    for (int i = from; i < from + n; i++) {
      long t0 = System.nanoTime();
      step.get();
      millis[i] = (System.nanoTime() - t0) / 1e6;
    }
  }

  private static String line(int pairs, double[] millis, double inOrder) {
    double total = Arrays.stream(millis).sum() / 1000;
    double[] sorted = millis.clone();
    Arrays.sort(sorted);
    return String.format(Locale.ROOT, "RESULT engine threads=2 batch=64 pairs=%d steps=%d"
            + " steps/s=%.2f median_ms=%.2f in_order=%.2f", pairs, millis.length,
        millis.length / total, sorted[millis.length / 2], inOrder);
  }
}

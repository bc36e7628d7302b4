package org.landmarknas.torch;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Op;
import org.landmarknas.space.Nb201Space;

/**
 * Where the time of a SPOS step and of a pool scoring goes, op by op, measured on the real step
 * ({@link SposWorkload}: C 16, N 1, batch 64, 2 threads, one prepared batch). libtorch's
 * profiler is not bound by the preset, so the profile is differential: the step of a cell whose
 * six edges all carry one op, less the step of the all-{@code none} cell (stem, reductions,
 * classifier, loss, optimizer, framework: the base every step pays), is six edges of that op in
 * each of the three cells. The median step over uniformly drawn cells is printed beside the
 * estimate the per-op costs give, so what the differential misses shows.
 *
 * <pre>
 * java -Dorg.bytedeco.javacpp.nopointergc=true -Xmx4g \
 *     -cp benchmarks/target/benchmarks.jar org.landmarknas.torch.SposOpProfile [steps]
 * </pre>
 */
public final class SposOpProfile {
  private static final int WARMUP = 20;

  private SposOpProfile() {}

  /** Prints the profile; {@code steps} (default 60) timed steps per cell after a warm-up. */
  public static void main(String[] args) {
    int steps = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    Libtorch.load();
    SposWorkload w = SposWorkload.create(BatchNormMode.BATCH, 7);
    LabeledBatch batch = w.prepareBatch();
    Nb201Op[] ops = Nb201Op.values();
    double[] train = new double[ops.length];
    double[] score = new double[ops.length];
    for (int i = 0; i < ops.length; i++) {
      Nb201Arch all = Nb201Arch.ofIndices(i, i, i, i, i, i);
      train[i] = medianMs(steps, a -> w.trainStep(batch, all));
      score[i] = medianMs(steps, a -> w.scoreForward(batch, all));
    }
    SplittableRandom rng = new SplittableRandom(11);
    double uniformTrain = medianMs(steps, a -> w.trainStep(batch,
        Nb201Space.INSTANCE.sample(rng)));
    double uniformScore = medianMs(steps, a -> w.scoreForward(batch,
        Nb201Space.INSTANCE.sample(rng)));
    double withAssembly = medianMs(steps, a -> w.trainStep());

    int none = Nb201Op.NONE.ordinal();
    System.out.printf(Locale.ROOT, "SPOS step and scoring forward, C %d, N %d, batch %d, %d"
            + " threads; median ms of %d steps%n", SposWorkload.CHANNELS, SposWorkload.CELLS,
        SposWorkload.BATCH, SposWorkload.THREADS, steps);
    System.out.println("| cell (all 6 edges) | train step | per edge | scoring forward |"
        + " per edge |");
    System.out.println("| --- | ---: | ---: | ---: | ---: |");
    double meanEdgeTrain = 0;
    double meanEdgeScore = 0;
    for (int i = 0; i < ops.length; i++) {
      double et = (train[i] - train[none]) / 6;
      double es = (score[i] - score[none]) / 6;
      meanEdgeTrain += et / ops.length;
      meanEdgeScore += es / ops.length;
      System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f |%n", ops[i].id(),
          train[i], et, score[i], es);
    }
    System.out.printf(Locale.ROOT, "base (all none): train %.2f ms, scoring %.2f ms%n",
        train[none], score[none]);
    System.out.printf(Locale.ROOT, "uniform cells: train %.2f ms (estimate base + 6 x mean edge"
            + " %.2f), scoring %.2f ms (estimate %.2f)%n", uniformTrain,
        train[none] + 6 * meanEdgeTrain, uniformScore, score[none] + 6 * meanEdgeScore);
    System.out.printf(Locale.ROOT, "uniform cells with batch assembly: train %.2f ms%n",
        withAssembly);
    // Shares of the estimate, which counts every edge as live; a drawn cell's dead edges (no
    // path to the output) cost nothing, which is why the measured uniform step is lower.
    double estimate = train[none] + 6 * meanEdgeTrain;
    StringBuilder shares = new StringBuilder("shares of a uniform step (of the estimate): base "
        + Math.round(100 * train[none] / estimate) + "%");
    for (int i = 0; i < ops.length; i++) {
      if (i != none) {
        shares.append(String.format(Locale.ROOT, ", %s %d%%", ops[i].id(),
            Math.round(100 * (train[i] - train[none]) / ops.length / estimate)));
      }
    }
    System.out.println(shares);
  }

  private static double medianMs(int steps, Consumer<Integer> step) {
    for (int i = 0; i < WARMUP; i++) {
      step.accept(i);
    }
    double[] ms = new double[steps];
    for (int i = 0; i < steps; i++) {
      long t0 = System.nanoTime();
      step.accept(i);
      ms[i] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(ms);
    return ms[steps / 2];
  }
}

package org.landmarknas.torch;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch.MemoryFormat;
import org.landmarknas.space.Nb201Space;

/**
 * The channels-last lever of the speed issue, measured before it is built into the engine: the
 * SPOS step and the scoring forward of {@link SposWorkload} with the 4-d weights and the batch
 * in the default (NCHW) layout, then converted to channels-last (NHWC, which oneDNN's
 * convolutions prefer), alternating rounds in one process. Prints medians per round.
 *
 * <pre>
 * java -Dorg.bytedeco.javacpp.nopointergc=true -Xmx4g \
 *     -cp benchmarks/target/benchmarks.jar org.landmarknas.torch.ChannelsLastCheck [rounds]
 * </pre>
 */
public final class ChannelsLastCheck {
  private static final int STEPS = 80;

  private ChannelsLastCheck() {}

  /** Alternates the two layouts for {@code rounds} (default 3) rounds. */
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    Libtorch.load();
    SposWorkload nchw = SposWorkload.create(BatchNormMode.BATCH, 7);
    SposWorkload nhwc = SposWorkload.create(BatchNormMode.BATCH, 7);
    toChannelsLast(nhwc.network());
    LabeledBatch batch = nchw.prepareBatch();
    LabeledBatch batchLast = new LabeledBatch(batch.images().contiguous(MemoryFormat.ChannelsLast),
        batch.labels(), batch.size());
    for (int r = 1; r <= rounds; r++) {
      for (boolean last : new boolean[] {false, true}) {
        SposWorkload w = last ? nhwc : nchw;
        LabeledBatch b = last ? batchLast : batch;
        SplittableRandom rng = new SplittableRandom(11 + r);
        double train = median(() -> w.trainStep(b, Nb201Space.INSTANCE.sample(rng)));
        double score = median(() -> w.scoreForward(b, Nb201Space.INSTANCE.sample(rng)));
        System.out.printf(Locale.ROOT, "round %d %s: train step %.2f ms, scoring forward %.2f"
            + " ms%n", r, last ? "channels-last" : "contiguous   ", train, score);
      }
    }
  }

  /** Every 4-d parameter re-laid in channels-last order, values unchanged. */
  static void toChannelsLast(Supernet<?> net) {
    try (NoGradGuard g = new NoGradGuard()) {
      for (Tensor p : net.parameters().get()) {
        if (p.dim() == 4) {
          p.__dispatch_set_data(p.contiguous(MemoryFormat.ChannelsLast));
        }
      }
    }
  }

  private static double median(Runnable step) {
    for (int i = 0; i < 15; i++) {
      step.run();
    }
    double[] ms = new double[STEPS];
    for (int i = 0; i < STEPS; i++) {
      long t0 = System.nanoTime();
      step.run();
      ms[i] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(ms);
    return ms[STEPS / 2];
  }
}

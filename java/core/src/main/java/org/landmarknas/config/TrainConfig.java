package org.landmarknas.config;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Section {@code train}: super-net training with SGD and a cosine learning-rate schedule.
 *
 * @param epochs number of epochs, >= 1, default 2
 * @param batchSize images per step, >= 1, default 64
 * @param stepsPerEpoch steps per epoch, >= 0; 0 (default) = one pass over the super-net half
 * @param lr initial learning rate, > 0, default 0.025
 * @param lrMin learning rate at the end of the cosine schedule, 0 &lt;= lr-min &lt;= lr, default 0.001
 * @param momentum SGD momentum (no Nesterov), in [0, 1), default 0.9
 * @param weightDecay L2 weight decay, >= 0, default 0.0005
 * @param gradClip maximum gradient norm, > 0, default 5.0
 * @param threads intra-op threads of libtorch, >= 1, default 2
 * @param checkpointEvery a checkpoint after every this many epochs (and after the last), >= 1,
 *     default 1
 * @param keepCheckpoints how many of the newest checkpoints stay on disk, >= 1, default 2 (one
 *     spare in case the newest is damaged)
 * @param sampling how SPOS draws a step's path: {@code ops} (default, the paper's: every op of
 *     every edge uniform, so classes with many equivalent assignments are trained more often) or
 *     {@code classes} (a distinct cell class uniformly, then one of its assignments; needs a
 *     space whose classes can be listed)
 * @param device where libtorch computes: {@code cpu} (default), {@code cuda} (the GPU of the
 *     process's rank, rank modulo the GPUs of the machine) or {@code cuda:N}; a GPU needs the
 *     engine built with {@code -Pgpu} and, for several ranks, trains them over NCCL instead of
 *     Gloo
 */
public record TrainConfig(int epochs, int batchSize, int stepsPerEpoch, double lr, double lrMin,
    double momentum, double weightDecay, double gradClip, int threads, int checkpointEvery,
    int keepCheckpoints, String sampling, String device) {

  /** Paths uniform over op assignments (SPOS). */
  public static final String SAMPLING_OPS = "ops";
  /** Paths uniform over distinct cell classes. */
  public static final String SAMPLING_CLASSES = "classes";
  public static final List<String> SAMPLINGS = List.of(SAMPLING_OPS, SAMPLING_CLASSES);
  /** The CPU, libtorch's default device. */
  public static final String DEVICE_CPU = "cpu";
  /** What {@code device} allows, for error messages. */
  public static final String DEVICES = "cpu, cuda or cuda:N (a GPU index)";
  private static final Pattern DEVICE = Pattern.compile("cpu|cuda(:(0|[1-9][0-9]{0,2}))?");

  /** Validates every field; see the record description for ranges. */
  public TrainConfig {
    KeyCheck.atLeast("train.epochs", epochs, 1);
    KeyCheck.atLeast("train.batch-size", batchSize, 1);
    KeyCheck.atLeast("train.steps-per-epoch", stepsPerEpoch, 0);
    KeyCheck.positive("train.lr", lr);
    if (!(lrMin >= 0 && lrMin <= lr)) {
      throw KeyCheck.outOfRange("train.lr-min", lrMin,
          String.format(Locale.ROOT, "0 <= lr-min <= lr, and lr is %s", lr));
    }
    KeyCheck.inClosedOpen("train.momentum", momentum, 0.0, 1.0);
    KeyCheck.nonNegative("train.weight-decay", weightDecay);
    KeyCheck.positive("train.grad-clip", gradClip);
    KeyCheck.atLeast("train.threads", threads, 1);
    KeyCheck.atLeast("train.checkpoint-every", checkpointEvery, 1);
    KeyCheck.atLeast("train.keep-checkpoints", keepCheckpoints, 1);
    KeyCheck.oneOf("train.sampling", sampling, SAMPLINGS);
    KeyCheck.matches("train.device", device, DEVICE, DEVICES);
  }

  /** The training settings on the CPU. */
  public TrainConfig(int epochs, int batchSize, int stepsPerEpoch, double lr, double lrMin,
      double momentum, double weightDecay, double gradClip, int threads, int checkpointEvery,
      int keepCheckpoints, String sampling) {
    this(epochs, batchSize, stepsPerEpoch, lr, lrMin, momentum, weightDecay, gradClip, threads,
        checkpointEvery, keepCheckpoints, sampling, DEVICE_CPU);
  }

  /** Whether {@code value} names a device: {@code cpu}, {@code cuda} or {@code cuda:N}. */
  public static boolean isDevice(String value) {
    return value != null && DEVICE.matcher(value).matches();
  }

  /** The training settings with SPOS's op-uniform paths. */
  public TrainConfig(int epochs, int batchSize, int stepsPerEpoch, double lr, double lrMin,
      double momentum, double weightDecay, double gradClip, int threads, int checkpointEvery,
      int keepCheckpoints) {
    this(epochs, batchSize, stepsPerEpoch, lr, lrMin, momentum, weightDecay, gradClip, threads,
        checkpointEvery, keepCheckpoints, SAMPLING_OPS);
  }

  /** The training settings with default checkpointing (every epoch, keep 2). */
  public TrainConfig(int epochs, int batchSize, int stepsPerEpoch, double lr, double lrMin,
      double momentum, double weightDecay, double gradClip, int threads) {
    this(epochs, batchSize, stepsPerEpoch, lr, lrMin, momentum, weightDecay, gradClip, threads,
        1, 2);
  }

  /** Whether the epoch that just finished ({@code epoch}, counted from 1) is checkpointed. */
  public boolean checkpointAfter(int epoch) {
    return epoch == epochs || epoch % checkpointEvery == 0;
  }

  /** The defaults listed in the record description. */
  public static TrainConfig defaults() {
    return new TrainConfig(2, 64, 0, 0.025, 0.001, 0.9, 0.0005, 5.0, 2, 1, 2, SAMPLING_OPS,
        DEVICE_CPU);
  }
}

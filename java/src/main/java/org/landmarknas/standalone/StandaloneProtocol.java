package org.landmarknas.standalone;

import java.util.Locale;

/**
 * How one architecture is trained from scratch to measure its stand-alone performance: every
 * choice that changes the number, so that results are comparable exactly when their protocols
 * are equal. Training uses the super-net half of the seeded split (the same half the super-net
 * trains on), validation the first {@code validImages} of the rank half, testing the test set.
 *
 * @param name a short id for tables and stores (e.g. {@code fmnist-c16n1-e4})
 * @param splitSeed seed of the 50/50 training split (fixed per protocol, not per run)
 * @param trainLimit training images of the super-net half used (0 = all)
 * @param testLimit test images scored (0 = all)
 */
public record StandaloneProtocol(String name, String dataset, int channels, int cells,
    int epochs, int batchSize, double lr, double lrMin, double momentum, double weightDecay,
    double gradClip, int cropPadding, boolean horizontalFlip, long splitSeed, int trainLimit,
    int validImages, int testLimit, int threads) {

  public StandaloneProtocol {
    if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
      throw new IllegalArgumentException("protocol name \"" + name
          + "\" is not allowed (1-64 letters, digits, '.', '_' or '-')");
    }
    check(channels >= 1 && cells >= 1 && epochs >= 1 && batchSize >= 1 && threads >= 1,
        "channels, cells, epochs, batch size and threads must be >= 1");
    check(lr > 0 && lrMin >= 0 && lrMin <= lr, "need 0 <= lr-min <= lr and lr > 0");
    check(momentum >= 0 && momentum < 1 && weightDecay >= 0 && gradClip > 0,
        "need momentum in [0,1), weight decay >= 0, grad clip > 0");
    check(cropPadding >= 0 && trainLimit >= 0 && testLimit >= 0,
        "padding and limits must be >= 0");
    check(validImages >= 1, "validation needs >= 1 image of the rank half");
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "stand-alone protocol: %s", what));
    }
  }

  /** This protocol on only the first {@code limit} training images (name suffixed -n<limit>). */
  public StandaloneProtocol withTrainLimit(int limit) {
    return new StandaloneProtocol(name + "-n" + limit, dataset, channels, cells, epochs,
        batchSize, lr, lrMin, momentum, weightDecay, gradClip, cropPadding, horizontalFlip,
        splitSeed, limit, validImages, testLimit, threads);
  }

  /** This protocol scored on only the first {@code limit} test images (name suffixed -t<limit>). */
  public StandaloneProtocol withTestLimit(int limit) {
    return new StandaloneProtocol(name + "-t" + limit, dataset, channels, cells, epochs,
        batchSize, lr, lrMin, momentum, weightDecay, gradClip, cropPadding, horizontalFlip,
        splitSeed, trainLimit, validImages, limit, threads);
  }

  /** This protocol validated on {@code images} rank-half images (name suffixed -v<images>). */
  public StandaloneProtocol withValidImages(int images) {
    return new StandaloneProtocol(name + "-v" + images, dataset, channels, cells, epochs,
        batchSize, lr, lrMin, momentum, weightDecay, gradClip, cropPadding, horizontalFlip,
        splitSeed, trainLimit, images, testLimit, threads);
  }

  /**
   * This protocol run with {@code n} intra-op threads. The name is unchanged: on the CPU the
   * thread count only reorders float sums, so results agree to rounding, not bit for bit.
   */
  public StandaloneProtocol withThreads(int n) {
    return new StandaloneProtocol(name, dataset, channels, cells, epochs, batchSize, lr, lrMin,
        momentum, weightDecay, gradClip, cropPadding, horizontalFlip, splitSeed, trainLimit,
        validImages, testLimit, n);
  }

  /** {@link #fashionMnist(int, int)} with C=16. */
  public static StandaloneProtocol fashionMnist(int epochs) {
    return fashionMnist(16, epochs);
  }

  /**
   * A CPU-sized Fashion-MNIST protocol: C={@code channels}, N=1, SGD as in NAS-Bench-201 (lr 0.1
   * cosine, momentum 0.9, weight decay 5e-4), {@code epochs} epochs over the super-net half.
   */
  public static StandaloneProtocol fashionMnist(int channels, int epochs) {
    return new StandaloneProtocol("fmnist-c" + channels + "n1-e" + epochs, "fashion-mnist",
        channels, 1, epochs, 128, 0.1, 0.0, 0.9, 5e-4, 5.0, 2, true, 0L, 0, 5000, 0, 2);
  }
}

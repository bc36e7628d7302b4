package org.landmarknas.torch;

/**
 * Counts multiply-accumulates of weighted layers from the shapes of an actual forward pass, per
 * image, when switched on for the current thread: the independent check of the analytic
 * {@link org.landmarknas.space.SearchSpace#cost}. Off, it costs one thread-local read per layer.
 */
final class MacCounter {
  private static final ThreadLocal<long[]> COUNT = new ThreadLocal<>();

  private MacCounter() {}

  /** Starts counting on this thread. */
  static void start() {
    COUNT.set(new long[1]);
  }

  /** Stops counting and returns the MACs counted since {@link #start()}. */
  static long stop() {
    long[] c = COUNT.get();
    COUNT.remove();
    return c == null ? 0 : c[0];
  }

  /** A convolution producing {@code out} (N, Cout, H, W) with {@code weight} (Cout, Cin, k, k). */
  static void conv(org.bytedeco.pytorch.Tensor out, org.bytedeco.pytorch.Tensor weight) {
    long[] c = COUNT.get();
    if (c != null) {
      c[0] += out.size(1) * out.size(2) * out.size(3)
          * weight.size(1) * weight.size(2) * weight.size(3);
    }
  }

  /** A linear layer with {@code weight} (out, in), per image. */
  static void linear(org.bytedeco.pytorch.Tensor weight) {
    long[] c = COUNT.get();
    if (c != null) {
      c[0] += weight.size(0) * weight.size(1);
    }
  }
}

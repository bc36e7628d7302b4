package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.cross_entropy_loss;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.NoGradGuard;
import org.landmarknas.data.Augmentation;
import org.landmarknas.data.BatchAssembler;
import org.landmarknas.data.BatchOrder;
import org.landmarknas.data.ImageDataset;

/**
 * The check every space's super-net passes: uniform single-path SPOS steps on the first
 * {@code images} real training images lower the training loss (the first window's mean against
 * the last's) and the loss of a fixed panel of architectures on held-out images (the next ones).
 *
 * @param images training images, taken from the start of the training split
 * @param batch images per step
 * @param augment crop and flip as the default config does
 * @param panel architectures of the held-out panel
 * @param held held-out images the panel is scored on
 * @param steps SPOS steps
 * @param window steps of the first and the last mean
 */
record SposLossProbe(int images, int batch, boolean augment, int panel, int held, int steps,
    int window) {

  /**
   * What one probe measured.
   *
   * @param first mean training loss of the first window
   * @param last mean training loss of the last window
   */
  record Drop(double first, double last, double panelBefore, double panelAfter,
      double stepsPerSecond) {

    /** Fails unless both losses fell by at least their margins from an untrained start. */
    void assertFell(double trainMargin, double panelMargin) {
      assertTrue(first > 1.8, "an untrained 10-class net starts near ln 10: " + this);
      assertTrue(last < first - trainMargin && panelAfter < panelBefore - panelMargin,
          toString());
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%.1f steps/s; training loss %.3f -> %.3f; panel loss"
          + " %.3f -> %.3f", stepsPerSecond, first, last, panelBefore, panelAfter);
    }
  }

  /** Trains {@code step}'s network on paths drawn by {@code sample}, reporting the drop. */
  <A> Drop run(ImageDataset data, SposStep<A> step, Function<SplittableRandom, A> sample) {
    Augmentation augmentation = augment ? new Augmentation(2, true) : Augmentation.NONE;
    TensorBatcher batcher = new TensorBatcher(new BatchAssembler(data.train().head(images),
        data.normalization(), augmentation), batch);
    SplittableRandom rng = new SplittableRandom(5);
    List<A> archs = new ArrayList<>();
    for (int i = 0; i < panel; i++) {
      archs.add(sample.apply(rng));
    }
    LabeledBatch heldOut = new TensorBatcher(new BatchAssembler(data.train().subset(
        IntStream.range(images, images + held).toArray()), data.normalization(),
        Augmentation.NONE), held).batch(IntStream.range(0, held).toArray(), 0, held, false, rng);
    double panelBefore = meanLoss(step.network(), archs, heldOut);
    int[] all = IntStream.range(0, images).toArray();
    int[] order = BatchOrder.epochOrder(all, rng);
    double first = 0;
    double last = 0;
    long start = System.nanoTime();
    for (int s = 0; s < steps; s++) {
      int from = s * batch % images;
      if (from + batch > images) {
        order = BatchOrder.epochOrder(all, rng);
        from = 0;
      }
      SposStep.StepResult r;
      try (PointerScope scope = new PointerScope()) {
        r = step.step(batcher.batch(order, from, batch, augment, rng), sample.apply(rng));
      }
      assertTrue(Double.isFinite(r.loss()), "loss at step " + s);
      first += s < window ? r.loss() / window : 0;
      last += s >= steps - window ? r.loss() / window : 0;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Drop(first, last, panelBefore, meanLoss(step.network(), archs, heldOut),
        steps / seconds);
  }

  private static <A> double meanLoss(Supernet<A> net, List<A> archs, LabeledBatch b) {
    double sum = 0;
    try (PointerScope scope = new PointerScope(); NoGradGuard g = new NoGradGuard()) {
      for (A a : archs) {
        sum += cross_entropy_loss(net.forward(b.images(), a), b.labels()).item_double();
      }
    }
    return sum / archs.size();
  }
}

package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.cross_entropy_loss;

import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.LongOptional;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.landmarknas.search.ArchScore;

/**
 * Scores architectures through a network without building autograd graphs: accuracy and mean
 * loss over the first {@code limit} images of a split, in fixed-size chunks. With batch-statistics
 * BatchNorm the score depends on the chunk size, so it is part of the evaluation protocol
 * (config key {@code evaluate.batch-size}).
 */
public final class SupernetEvaluator<A> {
  private final Supernet<A> net;
  private final TensorBatcher batcher;

  public SupernetEvaluator(Supernet<A> net, TensorBatcher batcher) {
    this.net = net;
    this.batcher = batcher;
  }

  /** Scores {@code arch} on the first {@code limit} images (all of them when limit &lt;= 0). */
  public ArchScore<A> score(A arch, int limit) {
    boolean wasTraining = net.module().is_training();
    net.train(false);
    try {
      return scoreInEvalMode(arch, limit);
    } finally {
      net.train(wasTraining);
    }
  }

  /**
   * {@link #score} of a network its caller has put in eval mode: it touches no state of the
   * network, so several threads may score through one network at once (each with its own
   * evaluator: a batcher is not shared).
   */
  ArchScore<A> scoreInEvalMode(A arch, int limit) {
    int n = limit <= 0 ? batcher.data().count() : Math.min(limit, batcher.data().count());
    int chunk = batcher.maxBatch();
    long correct = 0;
    double lossSum = 0;
    try (PointerScope scope = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
      for (int start = 0; start < n; start += chunk) {
        int count = Math.min(chunk, n - start);
        try (NativeExitGate.Section work = NativeExitGate.enter();
            PointerScope step = new PointerScope()) {
          LabeledBatch b = batcher.range(start, count);
          Tensor logits = net.forward(b.images(), arch);
          lossSum += cross_entropy_loss(logits, b.labels()).item_double() * count;
          correct += logits.argmax(new LongOptional(1), false).eq(b.labels()).sum().item_long();
        }
      }
    }
    return new ArchScore<>(arch, n == 0 ? 0 : (double) correct / n, n == 0 ? 0 : lossSum / n, n);
  }
}

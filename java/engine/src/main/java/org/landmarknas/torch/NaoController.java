package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.clip_grad_norm_;
import static org.bytedeco.pytorch.global.torch.empty;
import static org.bytedeco.pytorch.global.torch.get_num_threads;
import static org.bytedeco.pytorch.global.torch.manual_seed;
import static org.bytedeco.pytorch.global.torch.mse_loss;
import static org.bytedeco.pytorch.global.torch.nll_loss;
import static org.bytedeco.pytorch.global.torch.set_num_threads;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Adam;
import org.bytedeco.pytorch.AdamOptions;
import org.bytedeco.pytorch.InputArchive;
import org.bytedeco.pytorch.MemoryFormatOptional;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.OutputArchive;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.landmarknas.data.BatchOrder;

/**
 * NAO's controller (Luo et al., NeurIPS 2018): an encoder-predictor-decoder over fixed-length
 * architecture encodings, trained jointly (Adam 1e-3, weight decay 1e-4, gradient norm 5;
 * loss = 0.8 · predictor MSE + 0.2 · decoder NLL, as the reference), and generation by moving the
 * encoder outputs along the gradient of the predicted score and decoding them.
 *
 * <p>Dropout and the initial weights draw from libtorch's global generator; each is seeded from
 * the caller's stream first, so a controller trains the same whether or not its run resumed.
 */
final class NaoController {
  static final String FILE = "nao-controller.pt";
  /** The reference's weighting of predictor MSE against decoder cross-entropy. */
  static final double TRADE_OFF = 0.8;
  static final int BATCH = 100;
  private static final double GRAD_BOUND = 5.0;
  private final NaoShape shape;
  private final Module root = new Module();
  private final NaoEncoder encoder;
  private final NaoDecoder decoder;
  private final Adam adam;

  /** A controller with initial weights from {@code seed}. */
  NaoController(NaoShape shape, long seed) {
    this.shape = shape;
    manual_seed(seed);
    encoder = root.register_module("encoder", new NaoEncoder(shape));
    decoder = root.register_module("decoder", new NaoDecoder(shape));
    AdamOptions options = new AdamOptions(1e-3);
    options.weight_decay().put(1e-4);
    adam = new Adam(root.parameters(), options);
  }

  NaoShape shape() {
    return shape;
  }

  /**
   * Trains {@code epochs} passes over the pairs in shuffled batches of {@value #BATCH}; scores
   * are min-max normalised first (the predictor ends in a sigmoid).
   *
   * @return the mean predictor MSE and decoder NLL of the last epoch
   */
  NaoLoss train(List<int[]> encodings, double[] scores, int epochs, SplittableRandom rng) {
    return singleThreaded(() -> trainEpochs(encodings, scores, epochs, rng));
  }

  private NaoLoss trainEpochs(List<int[]> encodings, double[] scores, int epochs,
      SplittableRandom rng) {
    if (encodings.size() != scores.length || scores.length == 0) {
      throw new IllegalArgumentException(encodings.size() + " encodings for " + scores.length
          + " scores");
    }
    float[] targets = normalise(scores);
    int n = scores.length;
    manual_seed(rng.nextLong());
    int[] identity = IntStream.range(0, n).toArray();
    NaoLoss last = new NaoLoss(Double.NaN, Double.NaN);
    for (int e = 0; e < epochs; e++) {
      int[] order = BatchOrder.epochOrder(identity, rng);
      double mse = 0;
      double nll = 0;
      for (int start = 0; start < n; start += BATCH) {
        int count = Math.min(BATCH, n - start);
        List<int[]> batch = new ArrayList<>(count);
        float[] y = new float[count];
        for (int i = 0; i < count; i++) {
          batch.add(encodings.get(order[start + i]));
          y[i] = targets[order[start + i]];
        }
        double[] parts = step(batch, y);
        mse += parts[0] * count;
        nll += parts[1] * count;
      }
      last = new NaoLoss(mse / n, nll / n);
    }
    return last;
  }

  /** One Adam step on a batch: MSE and NLL before it. */
  private double[] step(List<int[]> batch, float[] y) {
    try (PointerScope scope = new PointerScope()) {
      Tensor tokens = tokens(batch, false);
      Tensor outputs = encoder.outputs(tokens, true);
      Tensor mse = mse_loss(encoder.predict(outputs, true), floats(y));
      Tensor logProbs = decoder.logProbs(tokens(batch, true),
          NaoEncoder.archEmbedding(outputs), outputs, true);
      Tensor nll = nll_loss(logProbs.reshape(-1, shape.vocabulary()), tokens.reshape(-1));
      Tensor loss = mse.mul(new Scalar(TRADE_OFF)).add(nll.mul(new Scalar(1 - TRADE_OFF)));
      adam.zero_grad(true);
      loss.backward();
      clip_grad_norm_(root.parameters(), GRAD_BOUND);
      adam.step();
      return new double[] {mse.item_double(), nll.item_double()};
    }
  }

  /** The predictor's normalised score of each encoding, without dropout. */
  double[] predict(List<int[]> encodings) {
    return singleThreaded(() -> predictions(encodings));
  }

  private double[] predictions(List<int[]> encodings) {
    try (PointerScope scope = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
      Tensor p = encoder.predict(encoder.outputs(tokens(encodings, false), false), false)
          .contiguous();
      float[] out = new float[encodings.size()];
      p.data_ptr_float().get(out);
      double[] d = new double[out.length];
      for (int i = 0; i < out.length; i++) {
        d[i] = out[i];
      }
      return d;
    }
  }

  /**
   * Decodes each encoding after moving its encoder outputs by {@code step} times the gradient
   * of the predicted score (upward: towards better architectures), renormalised as the
   * reference does. Step 0 reconstructs.
   *
   * @return decoded values, one row per encoding
   */
  int[][] generate(List<int[]> encodings, double step) {
    return singleThreaded(() -> moveAndDecode(encodings, step));
  }

  private int[][] moveAndDecode(List<int[]> encodings, double step) {
    try (PointerScope scope = new PointerScope()) {
      Tensor outputs;
      try (NoGradGuard noGrad = new NoGradGuard()) {
        outputs = encoder.outputs(tokens(encodings, false), false);
      }
      Tensor moved = outputs;
      if (step != 0) {
        Tensor leaf = outputs.detach().set_requires_grad(true);
        encoder.predict(leaf, false).sum().backward();
        moved = NaoEncoder.normalize(leaf.detach().add(leaf.grad().mul(new Scalar(step))));
      }
      try (NoGradGuard noGrad = new NoGradGuard()) {
        return decoder.greedy(NaoEncoder.archEmbedding(moved), moved);
      }
    }
  }

  /**
   * Runs {@code work} on one intra-op thread: the controller's tensors are so small that
   * threads cost more than they save (a training step took 9 ms on one thread, 300 ms on two
   * of a loaded 2-core machine).
   */
  private static <T> T singleThreaded(Supplier<T> work) {
    int before = get_num_threads();
    set_num_threads(1);
    try {
      return work.get();
    } finally {
      set_num_threads(before);
    }
  }

  /** Writes the weights and Adam's state into checkpoint directory {@code dir}. */
  void save(Path dir) {
    try (PointerScope scope = new PointerScope()) {
      OutputArchive archive = new OutputArchive();
      root.save(archive);
      OutputArchive optimizer = new OutputArchive();
      adam.save(optimizer);
      archive.write("adam", optimizer);
      archive.save_to(dir.resolve(FILE).toString());
    }
  }

  /** Reads what {@link #save} wrote into {@code dir}. */
  void restore(Path dir) {
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("checkpoint " + dir + " lacks " + FILE
          + " (written by a run without search.policy: nao?)");
    }
    try (PointerScope scope = new PointerScope()) {
      InputArchive archive = new InputArchive();
      archive.load_from(file.toString());
      root.load(archive);
      InputArchive optimizer = new InputArchive();
      archive.read("adam", optimizer);
      adam.load(optimizer);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("cannot load NAO controller " + file + ": "
          + e.getMessage(), e);
    }
  }

  /** Tokens [n, length]: value + 1, or (as decoder input) the start symbol then shifted. */
  private Tensor tokens(List<int[]> encodings, boolean shifted) {
    int length = shape.length();
    long[] t = new long[encodings.size() * length];
    for (int i = 0; i < encodings.size(); i++) {
      int[] e = encodings.get(i);
      if (e.length != length) {
        throw new IllegalArgumentException("encoding of length " + e.length + ", controller"
            + " reads " + length);
      }
      for (int p = 0; p < length; p++) {
        int v = shifted ? (p == 0 ? -1 : e[p - 1]) : e[p];
        t[i * length + p] = v + 1;
      }
    }
    Tensor x = empty(new long[] {encodings.size(), length}, new TensorOptions(ScalarType.Long),
        new MemoryFormatOptional());
    x.data_ptr_long().put(t);
    return x;
  }

  private static Tensor floats(float[] v) {
    Tensor x = empty(new long[] {v.length}, new TensorOptions(ScalarType.Float),
        new MemoryFormatOptional());
    x.data_ptr_float().put(v);
    return x;
  }

  /** Min-max normalisation to [0, 1]; equal scores all map to 0.5. */
  static float[] normalise(double[] scores) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double s : scores) {
      lo = Math.min(lo, s);
      hi = Math.max(hi, s);
    }
    float[] out = new float[scores.length];
    for (int i = 0; i < scores.length; i++) {
      out[i] = hi > lo ? (float) ((scores[i] - lo) / (hi - lo)) : 0.5f;
    }
    return out;
  }

  /**
   * The controller's losses over an epoch.
   *
   * @param mse the predictor's mean squared error on normalised scores
   * @param nll the decoder's mean negative log-likelihood per token
   */
  record NaoLoss(double mse, double nll) {}
}

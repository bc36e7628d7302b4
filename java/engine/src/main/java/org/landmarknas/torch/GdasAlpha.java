package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.zeros;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Adam;
import org.bytedeco.pytorch.AdamOptions;
import org.bytedeco.pytorch.InputArchive;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.OutputArchive;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.landmarknas.config.ArchitectAdam;

/**
 * GDAS's architecture parameters: one logit per (edge, op) in the layout of a {@link GdasCoding}
 * (NB201 6 × 5, DARTS 2 × 14 × 8), and their Adam (betas 0.5/0.999 as AutoDL's GDAS; lr and
 * weight decay from the config, AutoDL's 3e-4 and 1e-3 by default). The super-net's SGD never
 * sees α. α starts at zero: AutoDL's 1e-3·N(0, 1) is far below the Gumbel noise and would need a
 * stream of its own.
 *
 * @param <A> the architecture type of the space
 */
final class GdasAlpha<A> {
  static final String FILE = "gdas-alpha.pt";
  private static final int MAX_DRAWS = 1000;
  private final GdasCoding<A> coding;
  private final Tensor alpha;
  private final Adam adam;

  /** With AutoDL's architect (lr 3e-4, weight decay 1e-3). */
  GdasAlpha(GdasCoding<A> coding) {
    this(coding, ArchitectAdam.REFERENCE);
  }

  GdasAlpha(GdasCoding<A> coding, ArchitectAdam architect) {
    this.coding = coding;
    alpha = zeros(coding.alphaShape()).set_requires_grad(true);
    AdamOptions options = new AdamOptions(architect.lr());
    // libstdc++ lays std::tuple out last element first: betas() is {beta2, beta1} in memory
    // (checked by GdasAlphaTest against the defaults 0.9/0.999).
    options.betas().put(0, 0.999).put(1, 0.5);
    options.weight_decay().put(architect.weightDecay());
    adam = new Adam(new TensorVector(alpha), options);
  }

  /** The logits (a leaf with a gradient). */
  Tensor alpha() {
    return alpha;
  }

  Adam optimizer() {
    return adam;
  }

  /** α's layout. */
  GdasCoding<A> coding() {
    return coding;
  }

  /**
   * A Gumbel-softmax sample at temperature {@code tau}, redrawn while the draw is not finite or
   * a cell's output would be zero ({@link GdasCoding#drawn}; AutoDL resamples on both).
   */
  GdasSample<A> sample(double tau, SplittableRandom rng) {
    for (int i = 0; i < MAX_DRAWS; i++) {
      var d = GumbelSoftmax.draw(alpha, tau, rng);
      var arch = d.flatMap(draw -> coding.drawn(draw.choice(), draw.probs()));
      if (arch.isPresent()) {
        return new GdasSample<>(arch.get(), d.get().choice(), d.get().hard());
      }
    }
    throw new IllegalStateException("no finite, connected GDAS sample in " + MAX_DRAWS
        + " draws at tau " + tau);
  }

  /** softmax(α) per row, row-major. */
  float[] probabilities() {
    try (PointerScope scope = new PointerScope()) {
      return GumbelSoftmax.values(alpha.detach().softmax(-1));
    }
  }

  /**
   * Mean over the rows of the entropy of softmax(α), in nats (log 5 when uniform on NB201, log 8
   * on DARTS).
   */
  double meanEntropy() {
    float[] p = probabilities();
    double h = 0;
    for (float v : p) {
      h -= v > 0 ? v * Math.log(v) : 0;
    }
    return h / coding.rows();
  }

  /**
   * GDAS's final choice: {@code samples} architectures drawn from softmax(α) as the coding draws
   * them ({@link GdasCoding#finalDraw}), the {@code keep} most frequent, most frequent first
   * (ties: first drawn first).
   */
  List<A> mostFrequent(int samples, int keep, SplittableRandom rng) {
    float[] p = probabilities();
    Map<A, Integer> counts = new LinkedHashMap<>();
    for (int i = 0; i < samples; i++) {
      counts.merge(coding.finalDraw(p, rng), 1, Integer::sum);
    }
    List<Map.Entry<A, Integer>> order = new ArrayList<>(counts.entrySet());
    order.sort(Map.Entry.<A, Integer>comparingByValue(Comparator.reverseOrder()));
    List<A> top = new ArrayList<>();
    for (int i = 0; i < Math.min(keep, order.size()); i++) {
      top.add(order.get(i).getKey());
    }
    return top;
  }

  /** Writes α and its Adam state into checkpoint directory {@code dir}. */
  void save(Path dir) {
    try (PointerScope scope = new PointerScope()) {
      OutputArchive archive = new OutputArchive();
      archive.write("alpha", alpha.detach());
      adam.save(archive);
      archive.save_to(dir.resolve(FILE).toString());
    }
  }

  /** Reads what {@link #save} wrote into {@code dir}. */
  void restore(Path dir) {
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("checkpoint " + dir + " lacks " + FILE
          + " (written by a run without search.policy: gdas?)");
    }
    try (PointerScope scope = new PointerScope()) {
      InputArchive archive = new InputArchive();
      archive.load_from(file.toString());
      Tensor t = new Tensor();
      archive.read("alpha", t);
      try (NoGradGuard noGrad = new NoGradGuard()) {
        alpha.copy_(t);
      }
      adam.load(archive);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("cannot load GDAS state " + file + ": "
          + e.getMessage(), e);
    }
  }
}

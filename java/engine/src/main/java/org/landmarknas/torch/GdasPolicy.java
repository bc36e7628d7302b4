package org.landmarknas.torch;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.bytedeco.pytorch.Tensor;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;

/**
 * GDAS (Dong &amp; Yang, CVPR 2019) as a {@link SamplingPolicy} on NB201, in the reference's
 * phases: uniform single-path paths during the warm-up, then each weight step trains a
 * Gumbel-softmax sample of α through the straight-through forward, after the architect has
 * updated α on a rank-half batch ({@link #beforeStep}, since the reference updates α before each
 * weight step). One sample per step serves every cell (AutoDL's form) and every shard of the
 * step. The landmark term keeps its single-path forwards.
 */
final class GdasPolicy implements SamplingPolicy<Nb201Arch> {
  /** Samples drawn from softmax(α) when training ends, and how many most frequent are scored. */
  static final int FINAL_SAMPLES = 1000;
  static final int FINALISTS = 10;
  private final Nb201Network net;
  private final GdasAlpha alpha;
  private final GdasArchitect architect;
  private final GdasTemperature tau;
  private GdasSample current; // the step's sample; null in the warm-up

  GdasPolicy(Nb201Network net, GdasAlpha alpha, GdasArchitect architect, GdasTemperature tau) {
    this.net = net;
    this.alpha = alpha;
    this.architect = architect;
    this.tau = tau;
  }

  @Override
  public void beforeStep(int epoch, int step) {
    if (tau.policyEpoch(epoch)) {
      architect.step(epoch, tau.at(epoch));
    }
  }

  @Override
  public Nb201Arch path(int epoch, int step, SplittableRandom rng) {
    if (!tau.policyEpoch(epoch)) {
      current = null;
      return Nb201Space.INSTANCE.sample(rng);
    }
    GdasSample s = alpha.sample(tau.at(epoch), rng);
    // The weight step needs the one-hot's values, not its graph into α: α's gradient from it
    // would be dropped (the architect clears it before its own backward), and without the graph
    // a step may run several backwards through one sample (the shards of a data-parallel
    // reference, the landmark term's surrogate).
    current = new GdasSample(s.arch(), s.hard().detach());
    return current.arch();
  }

  @Override
  public Tensor forward(Supernet<Nb201Arch> supernet, Tensor images, Nb201Arch path) {
    return current != null && current.arch().equals(path)
        ? net.forwardGdas(images, current)
        : supernet.forward(images, path);
  }

  @Override
  public String name() {
    return "gdas";
  }

  @Override
  public Optional<PolicyFigures> figures(int epoch) {
    return tau.policyEpoch(epoch)
        ? Optional.of(PolicyFigures.gdas(tau.at(epoch), alpha.meanEntropy()))
        : Optional.empty();
  }

  @Override
  public Optional<List<Nb201Arch>> finalists(SplittableRandom rng) {
    return Optional.of(alpha.mostFrequent(FINAL_SAMPLES, FINALISTS, rng));
  }

  @Override
  public void save(Path dir) {
    alpha.save(dir);
  }

  @Override
  public void restore(Path dir) {
    alpha.restore(dir);
  }

  /** α, for tests and reports. */
  GdasAlpha alpha() {
    return alpha;
  }
}

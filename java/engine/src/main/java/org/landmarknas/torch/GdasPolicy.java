package org.landmarknas.torch;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.bytedeco.pytorch.Tensor;
import org.landmarknas.space.SearchSpace;

/**
 * GDAS (Dong &amp; Yang, CVPR 2019) as a {@link SamplingPolicy} on any {@link GdasSupernet}
 * (NB201, DARTS), in the reference's phases: uniform single-path paths during the warm-up, then
 * each weight step trains a Gumbel-softmax sample of α through the straight-through forward,
 * after the architect has updated α on a rank-half batch ({@link #beforeStep}, since the
 * reference updates α before each weight step). One sample per step serves every cell of a
 * type (AutoDL's form) and every shard of the step. The landmark term keeps its single-path
 * forwards.
 *
 * @param <A> the architecture type of the space
 */
final class GdasPolicy<A> implements SamplingPolicy<A> {
  /** Samples drawn from softmax(α) when training ends, and how many most frequent are scored. */
  static final int FINAL_SAMPLES = 1000;
  static final int FINALISTS = 10;
  private final GdasSupernet<A> net;
  private final SearchSpace<A> space;
  private final GdasAlpha<A> alpha;
  private final GdasArchitect<A> architect;
  private final GdasTemperature tau;
  private GdasSample<A> current; // the step's sample; null in the warm-up

  /**
   * A policy training {@code net}'s α.
   *
   * @param space the space whose uniform paths the warm-up trains
   */
  GdasPolicy(GdasSupernet<A> net, SearchSpace<A> space, GdasAlpha<A> alpha,
      GdasArchitect<A> architect, GdasTemperature tau) {
    this.net = net;
    this.space = space;
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
  public A path(int epoch, int step, SplittableRandom rng) {
    if (!tau.policyEpoch(epoch)) {
      current = null;
      return space.sample(rng);
    }
    GdasSample<A> s = alpha.sample(tau.at(epoch), rng);
    // The weight step needs the one-hot's values, not its graph into α: α's gradient from it
    // would be dropped (the architect clears it before its own backward), and without the graph
    // a step may run several backwards through one sample (the shards of a data-parallel
    // reference, the landmark term's surrogate).
    current = s.detached();
    return current.arch();
  }

  /**
   * The GDAS forward for the path {@link #path} returned, the super-net's single-path forward for
   * any other (the landmark pairs'). Told apart by identity, not equality: on DARTS the step's
   * path only names the draw, and a landmark equal to it must still run its own genotype.
   */
  @Override
  public Tensor forward(Supernet<A> supernet, Tensor images, A path) {
    return current != null && current.arch() == path
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
  public Optional<List<A>> finalists(SplittableRandom rng) {
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
  GdasAlpha<A> alpha() {
    return alpha;
  }
}

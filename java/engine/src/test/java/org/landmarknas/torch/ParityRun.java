package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.set_num_threads;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import org.bytedeco.pytorch.Tensor;
import org.landmarknas.config.RunConfig;
import org.landmarknas.config.RunConfigLoader;
import org.landmarknas.landmark.Landmark;
import org.landmarknas.landmark.LandmarkSet;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;

/**
 * The few steps the parity tests train, the same way in every process: C = 4, one cell, a
 * global batch of 16 images, two epochs of two steps, one libtorch thread; with landmarks, four
 * fixed landmarks, three pairs per step and a constant λ = 10, so pairs are active.
 */
final class ParityRun {
  /** A path with dead and skipped edges: most ops of the super-net are off it. */
  static final Nb201Arch FIXED = Nb201Arch.parse(
      "|nor_conv_3x3~0|+|none~0|none~1|+|skip_connect~0|nor_conv_1x1~1|none~2|");

  private ParityRun() {}

  /**
   * What a run computed: per epoch the mean loss and the landmark term's mean loss (NaN without
   * landmarks), and every parameter after it, in registration order.
   */
  record Result(double[] losses, double[] landmarkLosses, float[] parameters) {}

  static RunConfig config(boolean landmarks) {
    List<String> o = new ArrayList<>(List.of("data.train-limit=512", "data.test-limit=64",
        "supernet.channels=4", "supernet.cells=1", "train.epochs=2",
        "train.steps-per-epoch=2", "train.batch-size=16", "train.threads=1"));
    if (landmarks) {
      o.addAll(List.of("landmarks.lambda-max=10", "landmarks.schedule=constant",
          "landmarks.pairs=3"));
    }
    return RunConfigLoader.fromDefaults(o);
  }

  /**
   * Trains {@link #FIXED} with {@code parallelOf(net)} and lists what breaks single-path
   * training: an op off the path whose weights changed or that holds a gradient, or an op on it
   * that did not train (empty when all is well).
   */
  static List<String> offPathViolations(
      Function<Supernet<Nb201Arch>, DataParallel> parallelOf) {
    List<String> violations = new ArrayList<>();
    Map<String, Tensor> before = new HashMap<>();
    train(false, true, false, net -> {
      named(net).forEach((k, v) -> before.put(k, v.detach().clone()));
      return parallelOf.apply(net);
    }, net -> named(net).forEach((n, p) -> {
      boolean onPath = !n.contains(".edge") || n.contains("edge1_0.nor_conv_3x3")
          || n.contains("edge3_1.nor_conv_1x1");
      boolean same = p.equal(before.get(n));
      if (onPath == same) {
        violations.add((onPath ? "on-path parameter not trained: " : "off-path changed: ") + n);
      }
      if (!onPath && p.grad().defined()) {
        violations.add("off-path parameter has a gradient: " + n);
      }
    }));
    return violations;
  }

  /**
   * Trains with {@code parallelOf(net)}; {@code fixedPath} trains {@link #FIXED} at every step
   * instead of uniform samples.
   */
  static Result train(boolean landmarks, boolean fixedPath,
      Function<Supernet<Nb201Arch>, DataParallel> parallelOf) {
    return train(landmarks, fixedPath, false, parallelOf, net -> { });
  }

  /**
   * Trains with GDAS from the first step (τ from 10 to 0.1 over the two epochs), with
   * landmarks; the result's parameters end with α's 30 logits. Every rank updates α on the same
   * full architect batch, so α needs no allreduce: the replicas' α must stay equal by itself.
   */
  static Result trainGdas(Function<Supernet<Nb201Arch>, DataParallel> parallelOf) {
    return train(true, false, true, parallelOf, net -> { });
  }

  private static Result train(boolean landmarks, boolean fixedPath, boolean gdas,
      Function<Supernet<Nb201Arch>, DataParallel> parallelOf,
      Consumer<Supernet<Nb201Arch>> after) {
    Libtorch.load();
    set_num_threads(1);
    RunConfig config = config(landmarks);
    RunSeeds seeds = RunSeeds.of(5);
    SearchSession<Nb201Arch> session = SearchSession.forTraining(SupernetSpace.NB201, config,
        seeds);
    UniformSampling<Nb201Arch> uniform = new UniformSampling<>(Nb201Space.INSTANCE);
    GdasAlpha<Nb201Arch> alpha = new GdasAlpha<>(Nb201GdasCoding.INSTANCE);
    SamplingPolicy<Nb201Arch> policy = gdas
        ? new GdasPolicy<>((Nb201Network) session.net(), session.space(), alpha,
            new GdasArchitect<>((Nb201Network) session.net(), alpha, session.trainBatches(),
            session.split().rank(), config.train().batchSize(), seeds.epochs()),
            new GdasTemperature(0, 2))
        : !fixedPath ? uniform : new SamplingPolicy<>() {
      @Override
      public Nb201Arch path(int epoch, int step, SplittableRandom rng) {
        return FIXED;
      }

      @Override
      public String name() {
        return "fixed";
      }
    };
    EpochTrainer<Nb201Arch> trainer = new EpochTrainer<>(session,
        new SposStep<>(session.net(), config.train()), config.train(), config.landmarks(),
        policy, seeds.epochs(), new PrintStream(OutputStream.nullOutputStream()), 0,
        SearchHooks.none(), parallelOf.apply(session.net()));
    Optional<LandmarkTerm<Nb201Arch>> term = landmarks
        ? LandmarkTerm.of(session.net(), landmarkSet(), config.landmarks()) : Optional.empty();
    double[] losses = new double[2];
    double[] landmarkLosses = new double[2];
    for (int epoch = 0; epoch < 2; epoch++) {
      EpochStats stats = trainer.train(epoch, term, "none");
      losses[epoch] = stats.trainLoss();
      landmarkLosses[epoch] = stats.landmarks().map(EpochStats.Landmarks::loss)
          .orElse(Double.NaN);
    }
    after.accept(session.net());
    float[] weights = flatten(session.net());
    if (!gdas) {
      return new Result(losses, landmarkLosses, weights);
    }
    float[] logits = new float[(int) alpha.alpha().numel()];
    alpha.alpha().contiguous().data_ptr_float().get(logits);
    float[] all = java.util.Arrays.copyOf(weights, weights.length + logits.length);
    System.arraycopy(logits, 0, all, weights.length, logits.length);
    return new Result(losses, landmarkLosses, all);
  }

  /** Every parameter's values, in registration order. */
  static float[] flatten(Supernet<?> net) {
    Tensor[] ps = net.parameters().get();
    int n = 0;
    for (Tensor p : ps) {
      n += (int) p.numel();
    }
    float[] out = new float[n];
    int at = 0;
    for (Tensor p : ps) {
      int k = (int) p.numel();
      p.contiguous().data_ptr_float().get(out, at, k);
      at += k;
    }
    return out;
  }

  /** The parameters of {@code net} by name, for the off-path check. */
  static Map<String, Tensor> named(Supernet<Nb201Arch> net) {
    return ((Nb201Network) net).namedParameters();
  }

  private static LandmarkSet<Nb201Arch> landmarkSet() {
    SplittableRandom rng = new SplittableRandom(7);
    List<Landmark<Nb201Arch>> l = new ArrayList<>();
    while (l.size() < 4) {
      Nb201Arch a = Nb201Space.INSTANCE.sample(rng);
      if (l.stream().noneMatch(x -> x.arch().equals(a))) {
        l.add(new Landmark<>(a, 0.5 + 0.1 * l.size()));
      }
    }
    return LandmarkSet.of(l);
  }
}

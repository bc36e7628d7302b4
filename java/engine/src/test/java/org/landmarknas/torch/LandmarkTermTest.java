package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.cross_entropy_loss;
import static org.bytedeco.pytorch.global.torch.manual_seed;
import static org.bytedeco.pytorch.global.torch.randint;
import static org.bytedeco.pytorch.global.torch.randn;
import static org.bytedeco.pytorch.global.torch.relu;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.landmarknas.landmark.HingeLoss;
import org.landmarknas.landmark.Landmark;
import org.landmarknas.landmark.LandmarkPair;
import org.landmarknas.landmark.LandmarkSet;
import org.landmarknas.landmark.PairWeights;
import org.landmarknas.space.Nb201Arch;

final class LandmarkTermTest {
  private static final NetworkShape SHAPE = new NetworkShape(1, 10, 4, 1, BatchNormMode.BATCH);
  private static final Nb201Arch A = Nb201Arch.parse(
      "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_1x1~1|skip_connect~2|");
  private static final Nb201Arch B = Nb201Arch.parse(
      "|nor_conv_1x1~0|+|skip_connect~0|nor_conv_3x3~1|+|nor_conv_3x3~0|none~1|avg_pool_3x3~2|");

  private static double[] losses(Nb201Network net, LabeledBatch rank) {
    try (NoGradGuard g = new NoGradGuard()) {
      return new double[] {
          cross_entropy_loss(net.forward(rank.images(), A), rank.labels()).item_double(),
          cross_entropy_loss(net.forward(rank.images(), B), rank.labels()).item_double()};
    }
  }

  /** The hinge's gradient through the surrogate equals autograd of λ·max(0, L_b − L_w). */
  @ParameterizedTest
  @EnumSource(LandmarkTerm.Mode.class)
  void accumulate_activePair_matchesAutogradOfTheHinge(LandmarkTerm.Mode mode) {
    try (PointerScope scope = new PointerScope()) {
      manual_seed(4);
      LabeledBatch rank = new LabeledBatch(randn(8, 1, 28, 28), randint(10, new long[] {8}), 8);
      Nb201Network net = Nb201Network.supernet(SHAPE, 3);
      double[] l = losses(net, rank);
      // make the pair active: the landmark with the larger loss is declared the better one
      boolean aWorseLoss = l[0] > l[1];
      Nb201Arch better = aWorseLoss ? A : B;
      Nb201Arch worse = aWorseLoss ? B : A;
      LandmarkSet<Nb201Arch> set = LandmarkSet.of(List.of(new Landmark<>(worse, 50),
          new Landmark<>(better, 60)));
      double lambda = 3.5;
      LandmarkTerm<Nb201Arch> term = new LandmarkTerm<>(net, set, new HingeLoss(),
          PairWeights.unweighted(),
          mode);
      net.module().zero_grad(true);
      LandmarkTerm.Result r = term.accumulate(rank, List.of(new LandmarkPair(0, 1)), lambda);
      assertEquals(1, r.activePairs());
      assertTrue(r.backward());
      assertEquals(Math.abs(l[0] - l[1]), r.loss(), 1e-5);
      Map<String, Tensor> ours = snapshotGrads(net);

      net.module().zero_grad(true);
      Tensor lb = cross_entropy_loss(net.forward(rank.images(), better), rank.labels());
      Tensor lw = cross_entropy_loss(net.forward(rank.images(), worse), rank.labels());
      relu(lb.sub(lw)).mul(new Scalar(lambda)).backward();
      Map<String, Tensor> reference = snapshotGrads(net);
      assertEquals(reference.keySet(), ours.keySet());
      reference.forEach((k, v) -> assertTrue(v.allclose(ours.get(k), 1e-5, 1e-6, false), k));
    }
  }

  /** An ordered pair has no gradient: no backward at all unless the mode is OFF. */
  @ParameterizedTest
  @EnumSource(LandmarkTerm.Mode.class)
  void accumulate_inactivePair_skipsBackward(LandmarkTerm.Mode mode) {
    try (PointerScope scope = new PointerScope()) {
      manual_seed(4);
      LabeledBatch rank = new LabeledBatch(randn(8, 1, 28, 28), randint(10, new long[] {8}), 8);
      Nb201Network net = Nb201Network.supernet(SHAPE, 3);
      double[] l = losses(net, rank);
      boolean aLower = l[0] < l[1];
      Nb201Arch better = aLower ? A : B; // lower loss is better: already in order
      Nb201Arch worse = aLower ? B : A;
      LandmarkSet<Nb201Arch> set = LandmarkSet.of(List.of(new Landmark<>(worse, 50),
          new Landmark<>(better, 60)));
      LandmarkTerm<Nb201Arch> term = new LandmarkTerm<>(net, set, new HingeLoss(),
          PairWeights.unweighted(),
          mode);
      net.module().zero_grad(true);
      LandmarkTerm.Result r = term.accumulate(rank, List.of(new LandmarkPair(0, 1)), 10);
      assertEquals(0, r.activePairs());
      assertEquals(0.0, r.loss());
      assertEquals(mode == LandmarkTerm.Mode.OFF, r.backward());
      if (mode != LandmarkTerm.Mode.OFF) {
        for (Tensor p : net.namedParameters().values()) {
          assertFalse(p.grad().defined(), "no gradient expected");
        }
      }
    }
  }

  private static Map<String, Tensor> snapshotGrads(Nb201Network net) {
    Map<String, Tensor> grads = new java.util.TreeMap<>();
    net.namedParameters().forEach((k, v) -> {
      if (v.grad().defined() && v.grad().abs().sum().item_double() > 0) {
        grads.put(k, v.grad().detach().clone());
      }
    });
    return grads;
  }
}

package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.cross_entropy_loss;
import static org.bytedeco.pytorch.global.torch.manual_seed;
import static org.bytedeco.pytorch.global.torch.randint;
import static org.bytedeco.pytorch.global.torch.randn;
import static org.bytedeco.pytorch.global.torch.set_num_threads;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.landmarknas.space.Nb201Arch;

/**
 * GDAS's straight-through forward of the NB201 super-net against its single-path forward: the
 * same logits and the same weight gradients, and a gradient for α.
 */
final class GdasForwardTest {
  private static final NetworkShape SMALL = new NetworkShape(1, 10, 4, 1, BatchNormMode.BATCH);

  @BeforeAll
  static void threads() {
    set_num_threads(2);
  }

  @Test
  void forwardGdas_withAFixedSample_equalsTheSinglePathOfItsArchitecture() {
    Nb201Network net = Nb201Network.supernet(SMALL, 3);
    GdasAlpha<Nb201Arch> alpha = new GdasAlpha<>(Nb201GdasCoding.INSTANCE);
    SplittableRandom rng = new SplittableRandom(7);
    for (int i = 0; i < 8; i++) {
      try (PointerScope scope = new PointerScope()) {
        manual_seed(i);
        Tensor images = randn(4, 1, 28, 28);
        GdasSample<Nb201Arch> sample = alpha.sample(1.0, rng);
        Tensor single = net.forward(images, sample.arch());
        Tensor gdas = net.forwardGdas(images, sample);
        assertTrue(single.equal(gdas), "logits differ for " + sample.arch());
      }
    }
  }

  @Test
  void backward_givesTheWeightsTheSinglePathsGradientAndAlphaOne() {
    // 2<-1 conv1x1 is dead, 3<-2 is none: off-path ops must get no gradient, and α's row of
    // the none edge still gets one through the scalar weights.
    Nb201Arch arch = Nb201Arch.parse(
        "|nor_conv_3x3~0|+|avg_pool_3x3~0|nor_conv_1x1~1|+|skip_connect~0|nor_conv_1x1~1|none~2|");
    Nb201Network single = Nb201Network.supernet(SMALL, 5);
    Nb201Network gdas = Nb201Network.supernet(SMALL, 5);
    GdasAlpha<Nb201Arch> alpha = new GdasAlpha<>(Nb201GdasCoding.INSTANCE);
    try (PointerScope scope = new PointerScope()) {
      manual_seed(1);
      Tensor images = randn(4, 1, 28, 28);
      Tensor labels = randint(10, new long[] {4});
      cross_entropy_loss(single.forward(images, arch), labels).backward();
      GdasSample<Nb201Arch> sample = new GdasSample<>(arch, arch.opIndices(),
          straightThrough(alpha, arch));
      cross_entropy_loss(gdas.forwardGdas(images, sample), labels).backward();
      Map<String, Tensor> want = single.namedParameters();
      for (Map.Entry<String, Tensor> p : gdas.namedParameters().entrySet()) {
        Tensor expected = want.get(p.getKey()).grad();
        Tensor got = p.getValue().grad();
        assertEquals(expected.defined(), got.defined(), p.getKey());
        if (got.defined()) {
          assertTrue(expected.equal(got), "gradient differs: " + p.getKey());
        }
      }
      float[] g = GumbelSoftmax.values(alpha.alpha().grad());
      for (int e : new int[] {0, 4, 5}) { // live edges, the none edge 3<-2 included
        double norm = 0;
        for (int o = 0; o < 5; o++) {
          norm += Math.abs(g[e * 5 + o]);
        }
        assertTrue(norm > 0, "no gradient for alpha of edge " + e);
      }
    }
  }

  /** h = onehot + (p − sg(p)) of {@code arch} with p = softmax(α). */
  private static Tensor straightThrough(GdasAlpha<Nb201Arch> alpha, Nb201Arch arch) {
    float[] onehot = new float[Nb201Arch.EDGES * 5];
    for (int e = 0; e < Nb201Arch.EDGES; e++) {
      onehot[e * 5 + arch.op(e).ordinal()] = 1f;
    }
    Tensor p = alpha.alpha().softmax(1);
    return GumbelSoftmax.table(onehot, Nb201Arch.EDGES, 5).add(p.sub(p.detach()));
  }

  @Test
  void draw_isOneHotInValueWithAGradientForAlpha() {
    GdasAlpha<Nb201Arch> alpha = new GdasAlpha<>(Nb201GdasCoding.INSTANCE);
    try (PointerScope scope = new PointerScope()) {
      GdasSample<Nb201Arch> s = alpha.sample(10.0, new SplittableRandom(1));
      float[] h = GumbelSoftmax.values(s.hard());
      int[] ops = s.arch().opIndices();
      for (int e = 0; e < Nb201Arch.EDGES; e++) {
        for (int o = 0; o < 5; o++) {
          assertEquals(o == ops[e] ? 1f : 0f, h[e * 5 + o], "edge " + e + " op " + o);
        }
      }
      manual_seed(2);
      s.hard().mul(randn(6, 5)).sum().backward();
      float[] g = GumbelSoftmax.values(alpha.alpha().grad());
      double norm = 0;
      for (float v : g) {
        norm += Math.abs(v);
      }
      assertTrue(norm > 0);
    }
  }

  @Test
  void adamBetas_areWrittenInLibstdcxxTupleOrder() {
    // The defaults are (0.9, 0.999): memory holds beta2 first, as GdasAlpha assumes.
    var betas = new org.bytedeco.pytorch.AdamOptions().betas();
    assertArrayEquals(new double[] {0.999, 0.9}, new double[] {betas.get(0), betas.get(1)});
  }
}

package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.set_num_threads;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.landmarknas.TestData;
import org.landmarknas.data.Augmentation;
import org.landmarknas.data.BatchAssembler;
import org.landmarknas.data.DataLocation;
import org.landmarknas.data.ImageDataset;
import org.landmarknas.search.ArchScore;
import org.landmarknas.space.Nb201Arch;

final class SupernetEvaluatorTest {

  @Test
  void score_isDeterministic_countsEveryImage_andBuildsNoGraph() {
    TestData.fashionMnist();
    set_num_threads(2);
    ImageDataset data = DataLocation.system().load("fashion-mnist", Optional.empty());
    Nb201Network net = Nb201Network.supernet(
        new NetworkShape(1, 10, 4, 1, BatchNormMode.BATCH), 1);
    TensorBatcher batcher = new TensorBatcher(
        new BatchAssembler(data.test().head(300), data.normalization(), Augmentation.NONE), 128);
    SupernetEvaluator<Nb201Arch> evaluator = new SupernetEvaluator<>(net, batcher);
    Nb201Arch arch = Nb201Arch.parse(
        "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|");
    ArchScore<Nb201Arch> a = evaluator.score(arch, 0);
    ArchScore<Nb201Arch> b = evaluator.score(arch, 0);
    assertEquals(300, a.samples(), "last partial chunk included");
    assertEquals(a, b);
    assertTrue(a.loss() > 1.5 && a.loss() < 4, "untrained net: loss near ln 10, got " + a.loss());
    assertEquals(200, evaluator.score(arch, 200).samples());
    for (var p : net.namedParameters().values()) {
      assertTrue(!p.grad().defined(), "evaluation must not produce gradients");
    }
  }
}

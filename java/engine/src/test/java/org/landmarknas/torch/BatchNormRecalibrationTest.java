package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.set_num_threads;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.bytedeco.pytorch.StringTensorDict;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.Test;
import org.landmarknas.TestData;
import org.landmarknas.data.Augmentation;
import org.landmarknas.data.BatchAssembler;
import org.landmarknas.data.DataLocation;
import org.landmarknas.data.ImageDataset;
import org.landmarknas.space.Nb201Arch;

final class BatchNormRecalibrationTest {
  private static final Nb201Arch ARCH = Nb201Arch.parse(
      "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_1x1~1|skip_connect~2|");

  private static Map<String, Tensor> snapshot(Map<String, Tensor> live) {
    Map<String, Tensor> copy = new LinkedHashMap<>();
    live.forEach((k, v) -> copy.put(k, v.detach().clone()));
    return copy;
  }

  private static Map<String, Tensor> buffers(Nb201Network net) {
    Map<String, Tensor> named = new LinkedHashMap<>();
    StringTensorDict dict = net.module().named_buffers(true);
    for (long i = 0; i < dict.size(); i++) {
      named.put(dict.get(i).key().getString(), new Tensor(dict.get(i).value()));
    }
    return named;
  }

  @Test
  void recalibrate_changesRunningStatisticsAndNothingElse() {
    TestData.fashionMnist();
    set_num_threads(2);
    ImageDataset data = DataLocation.system().load("fashion-mnist", Optional.empty());
    Nb201Network net = Nb201Network.supernet(
        new NetworkShape(1, 10, 4, 1, BatchNormMode.RUNNING), 1);
    TensorBatcher batcher = new TensorBatcher(new BatchAssembler(data.train().head(1000),
        data.normalization(), Augmentation.NONE), 64);
    int[] idx = new int[1000];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    Map<String, Tensor> params = snapshot(net.namedParameters());
    Map<String, Tensor> before = snapshot(buffers(net));
    net.train(false);
    new BatchNormRecalibration(batcher, idx, 5).recalibrate(net, ARCH, new SplittableRandom(1));
    assertFalse(net.module().is_training(), "training flag restored");
    net.namedParameters().forEach((k, v) ->
        assertTrue(v.equal(params.get(k)), "parameter changed: " + k));
    Map<String, Tensor> after = buffers(net);
    int changed = 0;
    for (Map.Entry<String, Tensor> b : after.entrySet()) {
      if (!b.getValue().equal(before.get(b.getKey()))) {
        changed++;
      }
    }
    // every BN on the path and in the fixed skeleton moves; off-path ones are reset only
    assertTrue(changed > 10, "running statistics changed in " + changed + " buffers");
    // same draws, same statistics: it is a re-estimate, not an accumulation across calls
    new BatchNormRecalibration(batcher, idx, 5).recalibrate(net, ARCH, new SplittableRandom(1));
    Map<String, Tensor> again = buffers(net);
    after.forEach((k, v) -> assertTrue(v.allclose(again.get(k), 1e-6, 1e-6, false), k));
    assertEquals(before.keySet(), after.keySet());
  }

  @Test
  void recalibrate_withBatchStatistics_isRefused() {
    Nb201Network net = Nb201Network.supernet(
        new NetworkShape(1, 10, 4, 1, BatchNormMode.BATCH), 1);
    assertThrows(IllegalStateException.class, () -> new BatchNormRecalibration(
        null, new int[1], 1).recalibrate(net, ARCH, new SplittableRandom(1)));
  }
}

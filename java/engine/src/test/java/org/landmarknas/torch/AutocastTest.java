package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.is_autocast_enabled;
import static org.bytedeco.pytorch.global.torch.set_num_threads;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch.DeviceType;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.landmarknas.space.Nb201Arch;

/** bf16 autocast: float32 logits close to the float32 forward, and the switch is restored. */
final class AutocastTest {

  private static final Nb201Arch ARCH = Nb201Arch.parse("|nor_conv_3x3~0|+|nor_conv_1x1~0|"
      + "skip_connect~1|+|avg_pool_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|");

  @BeforeAll
  static void threads() {
    set_num_threads(2);
  }

  @Test
  void forward_bf16_closeToFp32AndFloatLogits() {
    try (PointerScope scope = new PointerScope()) {
      Nb201Network net = Nb201Network.supernet(new NetworkShape(1, 10, 8, 1,
          BatchNormMode.BATCH), 3);
      Tensor images = org.bytedeco.pytorch.global.torch.randn(16, 1, 28, 28);
      Tensor fp32 = net.forward(images, ARCH);
      net.setPrecision(Precision.BF16);
      Tensor bf16 = net.forward(images, ARCH);

      assertEquals(ScalarType.Float.toString(), bf16.scalar_type().toString());
      assertFalse(is_autocast_enabled(DeviceType.CPU), "the region must close");
      double diff = fp32.sub(bf16).abs().max().item_double();
      double scale = fp32.abs().max().item_double();
      assertTrue(diff < 0.05 * scale, "bf16 logits off by " + diff + " at scale " + scale);
      assertNotEquals(0.0, diff, "bf16 should round somewhere, or autocast was not active");
    }
  }

  @Test
  void ofId_unknown_namesTheAllowedValues() {
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> Precision.ofId("fp16"));
    assertTrue(e.getMessage().contains("fp32, bf16"));
  }
}

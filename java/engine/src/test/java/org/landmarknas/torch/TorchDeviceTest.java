package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.cuda_device_count;
import static org.bytedeco.pytorch.global.torch.cuda_is_available;
import static org.bytedeco.pytorch.global.torch.ones;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.landmarknas.config.ConfigException;

/**
 * Device resolution: the CPU is the identity everywhere; a GPU is found (in a {@code -Pgpu} build
 * on a GPU machine) or refused with the key named (everywhere else, i.e. on this project's
 * machines, which is what runs here).
 */
final class TorchDeviceTest {

  @BeforeAll
  static void load() {
    Libtorch.load();
  }

  @Test
  void cpu_isTheIdentity() {
    TorchDevice cpu = TorchDevice.of("cpu", 3);
    assertSame(TorchDevice.CPU, cpu);
    assertFalse(cpu.cuda());
    assertEquals("cpu", cpu.id());
    try (PointerScope scope = new PointerScope()) {
      Tensor t = ones(2, 3);
      assertSame(t, cpu.put(t));
      assertSame(t, TorchDevice.toCpu(t));
    }
  }

  @Test
  void gpu_isResolvedPerRank_orRefusedNamingTheKey() {
    if (cuda_is_available()) {
      int n = cuda_device_count();
      assertEquals("cuda:" + (5 % n), TorchDevice.of("cuda", 5).id());
      assertTrue(TorchDevice.of("cuda:0", 5).cuda());
      return;
    }
    for (String d : List.of("cuda", "cuda:0")) {
      ConfigException e = assertThrows(ConfigException.class, () -> TorchDevice.of(d, 0));
      assertTrue(e.getMessage().startsWith("train.device: \"" + d + "\" asks for a GPU")
          && e.getMessage().contains("-Pgpu"), e.getMessage());
    }
  }

  @Test
  void malformed_isRefusedNamingTheOptionGiven() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> TorchDevice.of("--device", "gpu", 0));
    assertTrue(e.getMessage().startsWith("--device: \"gpu\" is not a device"), e.getMessage());
  }

  @Test
  void movingANetworkToTheCpu_keepsItsWeightsAndHandles() {
    NetworkShape shape = new NetworkShape(1, 10, 4, 1, BatchNormMode.BATCH);
    Nb201Network net = Nb201Network.supernet(shape, 7);
    Tensor first = net.parameters().get(0);
    float before = first.sum().item_float();
    net.to(TorchDevice.CPU);
    assertSame(TorchDevice.CPU, net.device());
    assertEquals(before, net.parameters().get(0).sum().item_float());
    assertTrue(first.is_cpu());
    assertEquals(Optional.empty(), net.fixedArch());
  }
}

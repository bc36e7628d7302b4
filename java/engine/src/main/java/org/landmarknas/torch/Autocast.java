package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.get_autocast_dtype;
import static org.bytedeco.pytorch.global.torch.is_autocast_cache_enabled;
import static org.bytedeco.pytorch.global.torch.is_autocast_enabled;
import static org.bytedeco.pytorch.global.torch.set_autocast_cache_enabled;
import static org.bytedeco.pytorch.global.torch.set_autocast_dtype;
import static org.bytedeco.pytorch.global.torch.set_autocast_enabled;

import org.bytedeco.pytorch.global.torch.DeviceType;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * An autocast region, the Java form of {@code with torch.autocast("cpu", dtype=bfloat16)} (or
 * {@code "cuda"} for a network on a GPU): opened around a forward pass, closed before backward.
 * libtorch keeps the autocast switches per thread, so the region covers exactly the ops this
 * thread runs inside it; closing restores what was set before.
 *
 * <p>The cast-weight cache is switched off inside the region: libtorch clears it only when the
 * outermost Python autocast context exits, which a bare C++ caller never does, and a cached
 * bf16 copy of a weight would go stale after the optimizer step.
 */
final class Autocast implements AutoCloseable {
  private final boolean active;
  private final boolean wasEnabled;
  private final ScalarType previousType;
  private final boolean cacheWasEnabled;
  private final DeviceType device;

  private Autocast(Precision precision, DeviceType device) {
    this.active = precision == Precision.BF16;
    this.device = device;
    if (active) {
      wasEnabled = is_autocast_enabled(device);
      previousType = get_autocast_dtype(device);
      cacheWasEnabled = is_autocast_cache_enabled();
      set_autocast_cache_enabled(false);
      set_autocast_dtype(device, ScalarType.BFloat16);
      set_autocast_enabled(device, true);
    } else {
      wasEnabled = false;
      previousType = null;
      cacheWasEnabled = false;
    }
  }

  /** A CPU region for {@code precision} ({@link Precision#FP32}: one that changes nothing). */
  static Autocast enter(Precision precision) {
    return new Autocast(precision, DeviceType.CPU);
  }

  /** Opens a region for {@code precision} over the ops of {@code device}'s kind. */
  static Autocast enter(Precision precision, TorchDevice device) {
    return new Autocast(precision, device.cuda() ? DeviceType.CUDA : DeviceType.CPU);
  }

  @Override
  public void close() {
    if (active) {
      set_autocast_enabled(device, wasEnabled);
      set_autocast_dtype(device, previousType);
      set_autocast_cache_enabled(cacheWasEnabled);
    }
  }
}

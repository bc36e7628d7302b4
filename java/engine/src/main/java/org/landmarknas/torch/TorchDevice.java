package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.cuda_device_count;
import static org.bytedeco.pytorch.global.torch.cuda_is_available;

import java.util.Locale;
import org.bytedeco.pytorch.Device;
import org.bytedeco.pytorch.DeviceOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch.DeviceType;
import org.landmarknas.config.ConfigException;
import org.landmarknas.config.TrainConfig;

/**
 * Where a process's tensors live: the CPU, or one CUDA GPU. A value: {@link #of} resolves the
 * config's {@code train.device} for one rank and checks that libtorch can reach the device, so a
 * run on a machine (or a build) without it stops before it trains, naming the key.
 *
 * <p>The CPU jar of the preset answers "no CUDA" whatever the machine has: only the {@code -Pgpu}
 * build ({@code linux-x86_64-gpu} natives) reaches a GPU. Its paths are compiled and tested on the
 * CPU side here (every move below is the identity on the CPU); on a GPU they are unverified by
 * this project's tests, which run on machines without one.
 */
public final class TorchDevice {
  /** The CPU: what every tensor is on unless moved. */
  public static final TorchDevice CPU = new TorchDevice(TrainConfig.DEVICE_CPU, -1);

  private final String id;
  private final int cudaIndex;

  private TorchDevice(String id, int cudaIndex) {
    this.id = id;
    this.cudaIndex = cudaIndex;
  }

  /**
   * The device of {@code rank} for the value {@code device} ({@code cpu}, {@code cuda},
   * {@code cuda:N}) of {@code key} (a config key or a command-line option, for the errors): plain
   * {@code cuda} gives rank r the GPU r modulo the GPUs this process sees, so the ranks of one
   * machine take one GPU each, as NCCL wants.
   *
   * @throws ConfigException naming {@code key} when the value is malformed or libtorch reaches
   *     no such GPU
   */
  public static TorchDevice of(String key, String device, int rank) {
    if (!TrainConfig.isDevice(device)) {
      throw new ConfigException(key, "\"" + device + "\" is not a device (allowed: "
          + TrainConfig.DEVICES + ")");
    }
    if (device.equals(TrainConfig.DEVICE_CPU)) {
      return CPU;
    }
    Libtorch.load();
    int count = cuda_is_available() ? cuda_device_count() : 0;
    if (count == 0) {
      throw new ConfigException(key, "\"" + device + "\" asks for a GPU, but libtorch sees none"
          + " (this engine is the CPU build unless built with -Pgpu, and the machine needs an"
          + " NVIDIA GPU and driver); use cpu");
    }
    int index = device.equals("cuda") ? Math.floorMod(rank, count)
        : Integer.parseInt(device.substring("cuda:".length()));
    if (index >= count) {
      throw new ConfigException(key, String.format(Locale.ROOT,
          "\"%s\": this machine has %d GPU(s), indices 0..%d", device, count, count - 1));
    }
    return new TorchDevice("cuda:" + index, index);
  }

  /** {@link #of(String, String, int)} of the config key {@code train.device}. */
  public static TorchDevice of(String device, int rank) {
    return of("train.device", device, rank);
  }

  /** Whether this is a GPU. */
  public boolean cuda() {
    return cudaIndex >= 0;
  }

  /** {@code cpu} or {@code cuda:N}. */
  public String id() {
    return id;
  }

  /** A fresh libtorch handle of this device (attached to the open pointer scope, if any). */
  public Device device() {
    return cuda() ? new Device(DeviceType.CUDA, (byte) cudaIndex) : new Device(DeviceType.CPU);
  }

  /** This device, for an archive's {@code load_from}: tensors are read straight onto it. */
  DeviceOptional optional() {
    return new DeviceOptional(device());
  }

  /** {@code t} on this device: {@code t} itself on the CPU, else a copy. */
  public Tensor put(Tensor t) {
    return cuda() ? t.to(device(), t.scalar_type()) : t;
  }

  /** {@code t} on the CPU: {@code t} itself when already there. */
  static Tensor toCpu(Tensor t) {
    return t.is_cuda() ? t.cpu() : t;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TorchDevice d && d.id.equals(id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return id;
  }
}

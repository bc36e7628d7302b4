package org.landmarknas.torch;

import java.time.Duration;
import org.bytedeco.javacpp.chrono.Milliseconds;
import org.bytedeco.pytorch.BarrierOptions;
import org.bytedeco.pytorch.TCPStore;
import org.bytedeco.pytorch.nccl.ProcessGroupNCCL;

/**
 * A {@link RankGroup} on NCCL: the collectives of a run whose super-net is on a GPU, one GPU per
 * rank ({@link TorchDevice#of} gives rank r the GPU r modulo the machine's GPUs). Built on the
 * same rendezvous store as Gloo.
 *
 * <p><b>Unverified here.</b> The preset's CPU jar carries this Java class but no native code for
 * it ({@code libjnitorch} has no NCCL symbols): the class is only loaded after {@link TorchDevice}
 * found a GPU, which the CPU build never does, so a CPU run never touches it. With {@code -Pgpu}
 * the {@code linux-x86_64-gpu} natives include {@code jnitorch_nccl}. No machine of this project
 * has run it: the code follows PyTorch's own use (a sum, then the caller's division, as with
 * Gloo, so the two backends average alike; NCCL's own AVG would also do).
 */
final class NcclGroup extends RankGroup {
  private final ProcessGroupNCCL group;
  private final TorchDevice device;

  private NcclGroup(Rendezvous rendezvous, TCPStore store, ProcessGroupNCCL group,
      TorchDevice device) {
    super(rendezvous, store, group);
    this.group = group;
    this.device = device;
  }

  /**
   * Joins the NCCL group of {@code device}'s ranks: blocks until all have connected.
   *
   * @throws IllegalStateException when the ranks do not meet in time, the port is taken, or
   *     this build has no NCCL
   */
  static NcclGroup joinOn(TorchDevice device, Rendezvous r, Duration timeout) {
    if (!device.cuda()) {
      throw new IllegalArgumentException("NCCL runs on GPUs, not on " + device);
    }
    Milliseconds ms = new Milliseconds(timeout.toMillis());
    TCPStore store = openStore(r, ms);
    try {
      ProcessGroupNCCL.Options options = ProcessGroupNCCL.Options.create();
      options.timeout(ms);
      return new NcclGroup(r, store, new ProcessGroupNCCL(store, r.rank(), r.world(), options),
          device);
    } catch (RuntimeException | LinkageError e) {
      throw joinFailed(r, store, "NCCL", e instanceof RuntimeException re ? re
          : new IllegalStateException("this build has no NCCL (build with -Pgpu): " + e, e));
    }
  }

  @Override
  public TorchDevice device() {
    return device;
  }

  /** NCCL's barrier is an allreduce on a GPU: naming the rank's keeps NCCL from guessing it. */
  @Override
  BarrierOptions barrierOptions() {
    BarrierOptions options = new BarrierOptions();
    options.device(device.optional());
    return options;
  }

  /** Stops NCCL's watchdog and communicators before the native object goes. */
  @Override
  void closeBackend() {
    group.shutdown();
    group.close();
  }
}

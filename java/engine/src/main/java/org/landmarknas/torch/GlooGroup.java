package org.landmarknas.torch;

import java.time.Duration;
import org.bytedeco.javacpp.chrono.Milliseconds;
import org.bytedeco.pytorch.ProcessGroupGloo;
import org.bytedeco.pytorch.TCPStore;

/**
 * A {@link RankGroup} on torch distributed's Gloo backend over TCP: the collectives of a run whose
 * super-net is on the CPU. Every rank builds a {@code ProcessGroupGloo} on the rendezvous store.
 */
public final class GlooGroup extends RankGroup {

  private GlooGroup(Rendezvous rendezvous, TCPStore store, ProcessGroupGloo group) {
    super(rendezvous, store, group);
  }

  /**
   * Joins the group: blocks until all {@code world} ranks have connected.
   *
   * @param timeout how long the rendezvous and each collective may wait for the other ranks
   * @throws IllegalStateException when the ranks do not meet in time or the port is taken
   */
  public static GlooGroup join(Rendezvous r, Duration timeout) {
    Milliseconds ms = new Milliseconds(timeout.toMillis());
    TCPStore store = openStore(r, ms);
    try {
      // create_default has one device for this host (Options.create() has none).
      return new GlooGroup(r, store, new ProcessGroupGloo(store, r.rank(), r.world(),
          ProcessGroupGloo.Options.create_default(ms)));
    } catch (RuntimeException e) {
      throw joinFailed(r, store, "Gloo", e);
    }
  }

  @Override
  public TorchDevice device() {
    return TorchDevice.CPU;
  }
}

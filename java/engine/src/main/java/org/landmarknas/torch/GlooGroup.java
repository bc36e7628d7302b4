package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.empty;

import java.time.Duration;
import java.util.Locale;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.javacpp.SizeTPointer;
import org.bytedeco.javacpp.chrono.Milliseconds;
import org.bytedeco.pytorch.AllreduceOptions;
import org.bytedeco.pytorch.BarrierOptions;
import org.bytedeco.pytorch.BroadcastOptions;
import org.bytedeco.pytorch.MemoryFormatOptional;
import org.bytedeco.pytorch.ProcessGroupGloo;
import org.bytedeco.pytorch.ReduceOp;
import org.bytedeco.pytorch.TCPStore;
import org.bytedeco.pytorch.TCPStoreOptions;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * The processes of one data-parallel run, joined by torch distributed's Gloo backend over TCP:
 * rank 0 serves the {@code TCPStore} of the {@link Rendezvous}, every rank builds a
 * {@code ProcessGroupGloo} on it, and the collectives below run on CPU tensors.
 *
 * <p><b>Ownership of the store.</b> The preset hands a Java-allocated store to the process
 * group's {@code intrusive_ptr<Store>} parameter by stealing it into a new intrusive pointer and
 * leaking one extra reference, so the group never frees the store: closing the group leaves the
 * store serving, and the Java object stays its only owner ({@code GlooGroupTest} checks both).
 * Hence the order in {@link #close()}: the group first (it joins its threads and drops its
 * connections), then the store. Closing the store first would free it under a live group.
 *
 * <p>Gloo has no {@code ReduceOp.AVG}: averages are a sum divided by the world size, by the
 * caller. Every collective blocks until all ranks reach it; a rank that stops makes the others
 * fail after the group's timeout.
 */
public final class GlooGroup implements AutoCloseable {
  private final Rendezvous rendezvous;
  private final TCPStore store;
  private final ProcessGroupGloo group;
  private final AllreduceOptions sum;
  private long allreduceNanos;
  private long allreduceBytes;
  private long allreduceCalls;

  private GlooGroup(Rendezvous rendezvous, TCPStore store, ProcessGroupGloo group) {
    this.rendezvous = rendezvous;
    this.store = store;
    this.group = group;
    this.sum = new AllreduceOptions();
    sum.reduceOp(new ReduceOp(ReduceOp.RedOpType.SUM));
  }

  /**
   * Joins the group: blocks until all {@code world} ranks have connected.
   *
   * @param timeout how long the rendezvous and each collective may wait for the other ranks
   * @throws IllegalStateException when the ranks do not meet in time or the port is taken
   */
  public static GlooGroup join(Rendezvous r, Duration timeout) {
    Libtorch.load();
    Milliseconds ms = new Milliseconds(timeout.toMillis());
    TCPStoreOptions options = new TCPStoreOptions();
    options.port((short) r.port());
    options.isServer(r.leads());
    options.numWorkers(new SizeTPointer(1).put((long) r.world()));
    options.waitWorkers(false);
    options.timeout(ms);
    TCPStore store;
    try {
      store = new TCPStore(r.host(), options);
    } catch (RuntimeException e) {
      throw new IllegalStateException(String.format(Locale.ROOT,
          "rank %d cannot %s the rendezvous store at %s:%d: %s", r.rank(),
          r.leads() ? "serve" : "reach", r.host(), r.port(), e.getMessage()), e);
    }
    ProcessGroupGloo group;
    try {
      // create_default has one device for this host (Options.create() has none).
      group = new ProcessGroupGloo(store, r.rank(), r.world(),
          ProcessGroupGloo.Options.create_default(ms));
    } catch (RuntimeException e) {
      store.close();
      throw new IllegalStateException(String.format(Locale.ROOT,
          "rank %d of %d could not join the Gloo group at %s:%d: %s", r.rank(), r.world(),
          r.host(), r.port(), e.getMessage()), e);
    }
    return new GlooGroup(r, store, group);
  }

  public int rank() {
    return rendezvous.rank();
  }

  public int world() {
    return rendezvous.world();
  }

  /** Whether this is rank 0, the one that writes the run directory. */
  public boolean leads() {
    return rendezvous.leads();
  }

  /** Sums {@code t} (a contiguous CPU tensor) over all ranks, in place. */
  public void allreduceSum(Tensor t) {
    long start = System.nanoTime();
    try (PointerScope scope = new PointerScope()) {
      group.allreduce(new TensorVector(t), sum)._wait();
    }
    allreduceNanos += System.nanoTime() - start;
    allreduceBytes += t.nbytes();
    allreduceCalls++;
  }

  /** The sums over all ranks of {@code local}, element by element, in double precision. */
  public double[] allreduceSum(double[] local) {
    try (PointerScope scope = new PointerScope()) {
      Tensor t = empty(new long[] {local.length}, new TensorOptions(ScalarType.Double),
          new MemoryFormatOptional());
      t.data_ptr_double().put(local, 0, local.length);
      allreduceSum(t);
      double[] out = new double[local.length];
      t.data_ptr_double().get(out, 0, out.length);
      return out;
    }
  }

  /** Overwrites {@code t} on every rank with rank 0's {@code t}. */
  public void broadcast(Tensor t) {
    try (PointerScope scope = new PointerScope()) {
      BroadcastOptions options = new BroadcastOptions();
      options.rootRank(0);
      group.broadcast(new TensorVector(t), options)._wait();
    }
  }

  /**
   * Rank 0's {@code bytes} on every rank: two broadcasts, the length then the bytes. Others pass
   * anything (ignored), e.g. an empty array.
   */
  public byte[] broadcastBytes(byte[] bytes) {
    try (PointerScope scope = new PointerScope()) {
      Tensor length = empty(new long[] {1}, new TensorOptions(ScalarType.Long),
          new MemoryFormatOptional());
      length.data_ptr_long().put(0, leads() ? bytes.length : 0L);
      broadcast(length);
      int n = (int) length.data_ptr_long().get(0);
      if (n == 0) {
        return new byte[0];
      }
      Tensor data = empty(new long[] {n}, new TensorOptions(ScalarType.Byte),
          new MemoryFormatOptional());
      if (leads()) {
        data.data_ptr_byte().put(bytes, 0, n);
      }
      broadcast(data);
      byte[] out = new byte[n];
      data.data_ptr_byte().get(out, 0, n);
      return out;
    }
  }

  /** Returns when every rank has called it. */
  public void barrier() {
    try (PointerScope scope = new PointerScope()) {
      group.barrier(new BarrierOptions())._wait();
    }
  }

  /** What the allreduces of this group cost so far (all calls, metrics included). */
  public AllreduceCost allreduceCost() {
    return new AllreduceCost(allreduceCalls, allreduceBytes, allreduceNanos / 1e9);
  }

  /**
   * Allreduce totals of one process.
   *
   * @param calls allreduce calls
   * @param bytes bytes of the tensors reduced (this rank's message sizes, not the wire traffic)
   * @param seconds wall time spent waiting in them, load imbalance between ranks included
   */
  public record AllreduceCost(long calls, long bytes, double seconds) {}

  /** Leaves the group: the process group first, then the store (see the class comment). */
  @Override
  public void close() {
    close(() -> { });
  }

  /** {@link #close()}, running {@code between} after the group and before the store. */
  void close(Runnable between) {
    group.close();
    between.run();
    store.close();
  }
}

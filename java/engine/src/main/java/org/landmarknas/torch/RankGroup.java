package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.empty;

import java.time.Duration;
import java.util.Locale;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.javacpp.SizeTPointer;
import org.bytedeco.javacpp.chrono.Milliseconds;
import org.bytedeco.pytorch.AllreduceOptions;
import org.bytedeco.pytorch.Backend;
import org.bytedeco.pytorch.BarrierOptions;
import org.bytedeco.pytorch.BroadcastOptions;
import org.bytedeco.pytorch.MemoryFormatOptional;
import org.bytedeco.pytorch.ReduceOp;
import org.bytedeco.pytorch.TCPStore;
import org.bytedeco.pytorch.TCPStoreOptions;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * The processes of one data-parallel run, joined by a torch distributed backend over the
 * {@code TCPStore} that rank 0 serves at the {@link Rendezvous}: {@link GlooGroup} when the
 * super-net is on the CPU, {@link NcclGroup} when it is on a GPU (the backend PyTorch's DDP picks
 * for each). A collective runs on tensors of the group's {@link #device()}; the Java-array
 * helpers here copy to and from it.
 *
 * <p><b>Ownership of the store.</b> The preset hands a Java-allocated store to a process
 * group's {@code intrusive_ptr<Store>} parameter by stealing it into a new intrusive pointer and
 * leaking one extra reference, so the group never frees the store: closing the group leaves the
 * store serving, and the Java object stays its only owner ({@code GlooGroupTest} checks both for
 * Gloo; NCCL's constructor takes the store the same way). Hence the order in {@link #close()}:
 * the backend first (it joins its threads and drops its connections), then the store.
 *
 * <p>Every collective blocks until all ranks reach it; a rank that stops makes the others fail
 * after the group's timeout.
 */
public abstract class RankGroup implements AutoCloseable {
  private final Rendezvous rendezvous;
  private final TCPStore store;
  private final Backend backend;
  private final AllreduceOptions sum;
  private long allreduceNanos;
  private long allreduceBytes;
  private long allreduceCalls;

  RankGroup(Rendezvous rendezvous, TCPStore store, Backend backend) {
    this.rendezvous = rendezvous;
    this.store = store;
    this.backend = backend;
    // A sum, divided by the caller: Gloo has no AVG, and both backends then average alike.
    this.sum = new AllreduceOptions();
    sum.reduceOp(new ReduceOp(ReduceOp.RedOpType.SUM));
  }

  /**
   * Joins the group of the run on {@code device}: Gloo on the CPU, NCCL on a GPU. Blocks until
   * all {@code world} ranks have connected.
   *
   * @param timeout how long the rendezvous and each collective may wait for the other ranks
   * @throws IllegalStateException when the ranks do not meet in time or the port is taken
   */
  public static RankGroup join(Rendezvous r, Duration timeout, TorchDevice device) {
    return device.cuda() ? NcclGroup.joinOn(device, r, timeout) : GlooGroup.join(r, timeout);
  }

  /** Connects to (rank 0: serves) the rendezvous store. */
  static TCPStore openStore(Rendezvous r, Milliseconds timeout) {
    Libtorch.load();
    TCPStoreOptions options = new TCPStoreOptions();
    options.port((short) r.port());
    options.isServer(r.leads());
    options.numWorkers(new SizeTPointer(1).put((long) r.world()));
    options.waitWorkers(false);
    options.timeout(timeout);
    try {
      return new TCPStore(r.host(), options);
    } catch (RuntimeException e) {
      throw new IllegalStateException(String.format(Locale.ROOT,
          "rank %d cannot %s the rendezvous store at %s:%d: %s", r.rank(),
          r.leads() ? "serve" : "reach", r.host(), r.port(), e.getMessage()), e);
    }
  }

  /** The error of a backend that could not be built on the store (which is then closed). */
  static IllegalStateException joinFailed(Rendezvous r, TCPStore store, String backend,
      RuntimeException e) {
    store.close();
    return new IllegalStateException(String.format(Locale.ROOT,
        "rank %d of %d could not join the %s group at %s:%d: %s", r.rank(), r.world(), backend,
        r.host(), r.port(), e.getMessage()), e);
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

  /** Where this group's collectives want their tensors, and where this rank trains. */
  public abstract TorchDevice device();

  /** The options of {@link #barrier()}; a backend may name its device in them. */
  BarrierOptions barrierOptions() {
    return new BarrierOptions();
  }

  /** Closes the backend (not the store). */
  void closeBackend() {
    backend.close();
  }

  /** Returns when every rank has called it. */
  public void barrier() {
    try (PointerScope scope = new PointerScope()) {
      backend.barrier(barrierOptions())._wait();
    }
  }

  /** Sums {@code t} (contiguous, on {@link #device()}) over all ranks, in place. */
  public void allreduceSum(Tensor t) {
    long start = System.nanoTime();
    try (PointerScope scope = new PointerScope()) {
      backend.allreduce(new TensorVector(t), sum)._wait();
    }
    allreduceNanos += System.nanoTime() - start;
    allreduceBytes += t.nbytes();
    allreduceCalls++;
  }

  /** The sums over all ranks of {@code local}, element by element, in double precision. */
  public double[] allreduceSum(double[] local) {
    try (PointerScope scope = new PointerScope()) {
      Tensor t = cpuTensor(local.length, ScalarType.Double);
      t.data_ptr_double().put(local, 0, local.length);
      Tensor onDevice = device().put(t);
      allreduceSum(onDevice);
      double[] out = new double[local.length];
      TorchDevice.toCpu(onDevice).data_ptr_double().get(out, 0, out.length);
      return out;
    }
  }

  /** Overwrites {@code t} (on {@link #device()}) on every rank with rank 0's {@code t}. */
  public void broadcast(Tensor t) {
    try (PointerScope scope = new PointerScope()) {
      BroadcastOptions options = new BroadcastOptions();
      options.rootRank(0);
      backend.broadcast(new TensorVector(t), options)._wait();
    }
  }

  /**
   * Rank 0's {@code bytes} on every rank: two broadcasts, the length then the bytes. Others pass
   * anything (ignored), e.g. an empty array.
   */
  public byte[] broadcastBytes(byte[] bytes) {
    try (PointerScope scope = new PointerScope()) {
      Tensor length = cpuTensor(1, ScalarType.Long);
      length.data_ptr_long().put(0, leads() ? bytes.length : 0L);
      length = device().put(length);
      broadcast(length);
      int n = (int) TorchDevice.toCpu(length).data_ptr_long().get(0);
      if (n == 0) {
        return new byte[0];
      }
      Tensor data = cpuTensor(n, ScalarType.Byte);
      if (leads()) {
        data.data_ptr_byte().put(bytes, 0, n);
      }
      data = device().put(data);
      broadcast(data);
      byte[] out = new byte[n];
      TorchDevice.toCpu(data).data_ptr_byte().get(out, 0, n);
      return out;
    }
  }

  private static Tensor cpuTensor(long n, ScalarType type) {
    return empty(new long[] {n}, new TensorOptions(type), new MemoryFormatOptional());
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

  /** Leaves the group: the backend first, then the store (see the class comment). */
  @Override
  public void close() {
    close(() -> { });
  }

  /** {@link #close()}, running {@code between} after the backend and before the store. */
  void close(Runnable between) {
    closeBackend();
    between.run();
    store.close();
  }
}

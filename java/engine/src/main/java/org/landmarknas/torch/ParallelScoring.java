package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.set_num_threads;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.landmarknas.search.ArchScore;

/**
 * Scores a pool with several architectures in flight at once, each on its own thread with one
 * libtorch intra-op thread, all reading the one super-net's weights. At this project's widths a
 * forward keeps two cores only partly busy (small convolutions split poorly over threads), so
 * two one-thread scorers finish a pool sooner than one two-thread scorer.
 *
 * <p>Only for scoring that changes nothing in the network: batch-statistics BatchNorm (the
 * reference's protocol), no recalibration. The scores equal one scorer's up to the last bits of
 * a convolution's sum (another thread count splits it differently). A worker's tensors live in
 * its own pointer scopes; the network's training flag is set once around the whole pool.
 *
 * @param <A> the architecture type of the super-net's space
 */
public final class ParallelScoring<A> implements AutoCloseable {
  private static final long IDLE_SECONDS = 30;
  private final Supernet<A> net;
  private final ExecutorService pool;
  private final ThreadLocal<SupernetEvaluator<A>> evaluators;

  /**
   * @param batchers makes one batcher per worker thread (a batcher reuses its buffers)
   * @param workers threads scoring at once, >= 2
   */
  public ParallelScoring(Supernet<A> net, Supplier<TensorBatcher> batchers, int workers) {
    if (workers < 2) {
      throw new IllegalArgumentException("parallel scoring needs >= 2 workers, got " + workers);
    }
    this.net = net;
    this.evaluators = ThreadLocal.withInitial(() -> {
      set_num_threads(1); // this worker's intra-op threads
      return new SupernetEvaluator<>(net, batchers.get());
    });
    AtomicInteger n = new AtomicInteger();
    ThreadFactory daemons = r -> {
      Thread t = new Thread(r, "lmnas-scorer-" + n.incrementAndGet());
      t.setDaemon(true); // a run that ends or fails never waits for idle scorers
      return t;
    };
    // Idle workers end after a while, so an embedding JVM that ran many searches keeps none.
    ThreadPoolExecutor executor = new ThreadPoolExecutor(workers, workers, IDLE_SECONDS,
        TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemons);
    executor.allowCoreThreadTimeOut(true);
    this.pool = executor;
  }

  /** Accuracy and loss of each of {@code archs} on the first {@code images} images, in order. */
  public List<ArchScore<A>> score(List<A> archs, int images) {
    return score(archs, images, done -> { });
  }

  /**
   * {@link #score(List, int)}, telling {@code done} how many of the first architectures are
   * scored each time that number grows.
   */
  public List<ArchScore<A>> score(List<A> archs, int images, IntConsumer done) {
    boolean wasTraining = net.module().is_training();
    net.train(false);
    List<Future<ArchScore<A>>> pending = new ArrayList<>(archs.size());
    try {
      for (A a : archs) {
        pending.add(pool.submit(() -> evaluators.get().scoreInEvalMode(a, images)));
      }
      List<ArchScore<A>> scores = new ArrayList<>(archs.size());
      for (Future<ArchScore<A>> f : pending) {
        scores.add(f.get());
        done.accept(scores.size());
      }
      return scores;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while scoring the pool", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException("a scorer failed: " + cause, cause);
    } finally {
      for (Future<ArchScore<A>> f : pending) {
        f.cancel(false); // after a failure: the rest is not wanted
      }
      net.train(wasTraining);
    }
  }

  /** Stops the worker threads (they also die with the JVM: daemons). */
  @Override
  public void close() {
    pool.shutdownNow();
  }
}

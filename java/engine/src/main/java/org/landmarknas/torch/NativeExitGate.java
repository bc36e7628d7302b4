package org.landmarknas.torch;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Holds the JVM's exit until the libtorch work in progress reaches a step boundary. A JVM that
 * exits (SIGTERM, Ctrl-C, {@code System.exit}) while a thread is inside a oneDNN kernel runs
 * libtorch's static destructors under it and can die with SIGSEGV in {@code
 * dnnl_primitive_execute}, leaving an {@code hs_err_pid*.log}: seen with DARTS networks.
 *
 * <p>The engine's loops run each training step and each scoring chunk as a {@link #enter()
 * section}. A shutdown hook, installed when libtorch loads, closes the gate: sections already
 * running finish (for at most 10 s; a rank blocked in a collective does not), and the JVM
 * exits once none runs. A thread that reaches the gate after it closed, entering or leaving a
 * section, stays there until the JVM is gone: it must not unwind either, since unwinding frees
 * tensors in libtorch too. Run directories keep their last checkpoint, as after a kill, and
 * resume; a stand-alone worker's shutdown hook gives its job back meanwhile. A shutdown hook
 * must therefore never enter a section itself: it would park, and the JVM would not exit.
 */
public final class NativeExitGate {
  /**
   * The longest the exit waits: a step or a scoring chunk takes a second or two here, and
   * Kubernetes and Slurm send SIGKILL 30 s after SIGTERM by default.
   */
  private static final Duration WAIT = Duration.ofSeconds(10);

  private static final ReentrantReadWriteLock GATE = new ReentrantReadWriteLock();
  private static final Section SECTION = NativeExitGate::leave;
  private static volatile boolean closed;

  private NativeExitGate() {}

  /** One stretch of libtorch work; closing it lets a waiting exit go on. */
  @FunctionalInterface
  public interface Section extends AutoCloseable {
    @Override
    void close();
  }

  /** Installs the shutdown hook that closes the gate; called once, when libtorch loads. */
  static void install() {
    Runtime.getRuntime().addShutdownHook(new Thread(NativeExitGate::close, "libtorch-exit"));
  }

  /**
   * Enters a section; use it in try-with-resources around the work. When the JVM is exiting it
   * does not return.
   */
  public static Section enter() {
    if (closed) {
      awaitExit();
    }
    GATE.readLock().lock();
    if (closed) { // closed while this thread waited for the lock
      GATE.readLock().unlock();
      awaitExit();
    }
    return SECTION;
  }

  private static void leave() {
    GATE.readLock().unlock();
    if (closed) {
      awaitExit();
    }
  }

  /**
   * Parks the calling thread for good: the JVM is exiting and halts with it parked here. A
   * section entered inside another is let go first, so that the exit need not wait for it.
   */
  private static void awaitExit() {
    while (GATE.getReadHoldCount() > 0) {
      GATE.readLock().unlock();
    }
    while (true) {
      LockSupport.park(NativeExitGate.class);
    }
  }

  /** The hook: no new section starts; waits for the running ones, and keeps the gate shut. */
  private static void close() {
    closed = true;
    try {
      if (!GATE.writeLock().tryLock(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        System.err.printf("lmnas: libtorch work still running after %d s; exiting all the"
            + " same%n", WAIT.toSeconds());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

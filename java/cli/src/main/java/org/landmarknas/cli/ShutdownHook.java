package org.landmarknas.cli;

/**
 * A JVM shutdown hook for the duration of a block: registered on creation, removed on close
 * unless the JVM is already shutting down (then the hook is running, or has run, and must stay).
 */
final class ShutdownHook implements AutoCloseable {
  private final Thread thread;

  private ShutdownHook(Thread thread) {
    this.thread = thread;
  }

  /** Registers {@code action} to run on SIGTERM, Ctrl-C or a normal exit until closed. */
  static ShutdownHook register(String name, Runnable action) {
    Thread t = new Thread(action, name);
    Runtime.getRuntime().addShutdownHook(t);
    return new ShutdownHook(t);
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(thread);
    } catch (IllegalStateException shuttingDown) {
      // the JVM is shutting down: the hook does its work now
    }
  }
}

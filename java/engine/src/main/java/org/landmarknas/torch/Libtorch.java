package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.ones;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.PointerScope;

/**
 * Loads libtorch's native libraries once per JVM, safely when several JVMs start together.
 *
 * <p>JavaCPP extracts the libraries from the preset's jar into its cache directory ({@code
 * ~/.javacpp/cache}, or {@code -Dorg.bytedeco.javacpp.cachedir}) the first time they are used.
 * Two JVMs that do this at the same moment on an empty cache crash: one maps a library the other
 * is still writing, and dies with SIGBUS inside the dynamic loader (four JVMs on an empty cache
 * crashed one to three of them in each of three tries). JavaCPP's own lock guards one file at a
 * time, not the whole set. So the first load holds an exclusive lock on one file of the cache
 * directory until every library is extracted and loaded; a JVM that comes second waits, then
 * finds a complete cache and extracts nothing.
 *
 * <p>Every entry point of the engine that runs libtorch calls {@link #load()} first; a caller
 * that touches {@code org.bytedeco.pytorch} classes directly should do the same.
 */
public final class Libtorch {
  /** The lock file inside JavaCPP's cache directory. */
  static final String LOCK_FILE = ".landmarknas-load.lock";

  private static volatile boolean loaded;

  private Libtorch() {}

  /**
   * What {@link #check()} found.
   *
   * @param version the libtorch version of the preset
   * @param cacheDir JavaCPP's cache directory, where the native libraries were extracted
   * @param seconds how long loading and the check took
   */
  public record Check(String version, Path cacheDir, double seconds) {}

  /**
   * Loads libtorch and computes a sum with it: what a first start needs, checked.
   *
   * @throws IllegalStateException if libtorch computes a wrong sum
   */
  public static Check check() {
    long start = System.nanoTime();
    load();
    try (PointerScope scope = new PointerScope()) {
      float sum = ones(3).sum().item_float();
      if (sum != 3f) {
        throw new IllegalStateException("libtorch computed 1 + 1 + 1 = " + sum);
      }
    }
    return new Check(TorchInfo.libtorchVersion(), cacheDir(), (System.nanoTime() - start) / 1e9);
  }

  /**
   * Loads libtorch if this JVM has not yet, under the cache-wide lock.
   *
   * @throws UncheckedIOException if the cache directory or its lock file cannot be created
   */
  public static void load() {
    if (loaded) {
      return;
    }
    synchronized (Libtorch.class) {
      if (!loaded) {
        loadLocked();
        NativeExitGate.install();
        loaded = true;
      }
    }
  }

  /** JavaCPP's cache directory, created if absent. */
  private static Path cacheDir() {
    try {
      Path cache = Loader.getCacheDir().toPath();
      Files.createDirectories(cache);
      return cache;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create JavaCPP's cache directory (set"
          + " -Dorg.bytedeco.javacpp.cachedir=DIR to a writable one): " + e.getMessage(), e);
    }
  }

  private static void loadLocked() {
    Path lockFile = cacheDir().resolve(LOCK_FILE);
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE);
        FileLock lock = channel.lock()) {
      Loader.load(org.bytedeco.pytorch.global.torch.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + lockFile + " to load libtorch: "
          + e.getMessage(), e);
    }
  }
}

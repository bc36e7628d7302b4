package org.landmarknas.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Replaces a file's content all at once: readers (and a crash) see either the old file or the new
 * one, never half of it. The bytes go to a temporary file in the same directory (a rename is only
 * atomic within one file system), are forced to disk, and the temporary file is renamed over the
 * target; then the directory is forced so the rename itself survives a power cut.
 */
public final class AtomicFile {

  private static final AtomicLong COUNTER = new AtomicLong();

  private AtomicFile() {}

  /**
   * Replaces {@code target} with {@code bytes} atomically and durably.
   *
   * @throws IOException when the file cannot be written; the old content is then intact
   */
  public static void write(Path target, byte[] bytes) throws IOException {
    write(target, tmp -> {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE)) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
      }
    });
  }

  /** Writes a file's whole content to the path it is given. */
  @FunctionalInterface
  public interface Writer {
    void writeTo(Path file) throws IOException;
  }

  /**
   * Replaces {@code target} atomically and durably with what {@code writer} writes to a fresh
   * temporary path beside it: for writers that want a path, not bytes (libtorch's archives).
   *
   * @throws IOException when the file cannot be written; the old content is then intact
   */
  public static void write(Path target, Writer writer) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Path tmp = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
        + COUNTER.incrementAndGet() + ".tmp");
    try {
      writer.writeTo(tmp);
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      forceDirectory(dir);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Best effort: Linux can fsync a directory; where a platform cannot, the rename still held. */
  static void forceDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // not supported here; nothing more can be done portably
    }
  }
}

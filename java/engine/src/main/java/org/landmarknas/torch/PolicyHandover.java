package org.landmarknas.torch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The end of an epoch after which a sampling policy's new state must be rank 0's
 * ({@link SamplingPolicy#leaderDecidesAfter}): rank 0 runs {@link SamplingPolicy#afterEpoch},
 * writes the state as for a checkpoint and sends those files; the other ranks skip the work,
 * wait for them and load them. So every rank draws its paths from one pool, and only one
 * process spends the point's minutes. Anywhere else {@code afterEpoch} runs as usual.
 */
final class PolicyHandover {
  private PolicyHandover() {}

  /** {@code policy}'s work after epoch {@code epoch}, on the process {@code parallel} is. */
  static <A> void afterEpoch(SamplingPolicy<A> policy, int epoch, DataParallel parallel) {
    if (!parallel.distributed() || !policy.leaderDecidesAfter(epoch)) {
      policy.afterEpoch(epoch);
      return;
    }
    if (parallel.leads()) {
      policy.afterEpoch(epoch);
      parallel.fromLeader(pack(policy));
    } else {
      unpack(parallel.fromLeader(new byte[0]), policy);
    }
  }

  /** The files {@code policy.save} writes, as one message: name, length and bytes of each. */
  static byte[] pack(SamplingPolicy<?> policy) {
    Path dir = tempDir();
    try {
      policy.save(dir);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(bytes);
          Stream<Path> files = Files.list(dir)) {
        List<Path> sorted = files.sorted(Comparator.comparing(Path::toString)).toList();
        out.writeInt(sorted.size());
        for (Path f : sorted) {
          if (!Files.isRegularFile(f)) {
            throw new IllegalStateException("policy state " + f + " is not a plain file");
          }
          byte[] content = Files.readAllBytes(f);
          out.writeUTF(f.getFileName().toString());
          out.writeInt(content.length);
          out.write(content);
        }
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot pack the sampling policy's state: "
          + e.getMessage(), e);
    } finally {
      delete(dir);
    }
  }

  /** Loads into {@code policy} what {@link #pack} made of another process's policy. */
  static void unpack(byte[] message, SamplingPolicy<?> policy) {
    Path dir = tempDir();
    try {
      try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(message))) {
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
          String name = in.readUTF();
          byte[] content = new byte[in.readInt()];
          in.readFully(content);
          Files.write(dir.resolve(Path.of(name).getFileName()), content);
        }
      }
      policy.restore(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load rank 0's sampling policy state: "
          + e.getMessage(), e);
    } finally {
      delete(dir);
    }
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("lmnas-policy-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory: " + e.getMessage(), e);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }
}

package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.arange;
import static org.bytedeco.pytorch.global.torch.ones;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;

/**
 * One rank of {@link GlooGroupTest}: several collectives, then the group closed in its order,
 * with what it observed written to {@code out} (rank 0 also probes its store's port).
 */
final class GlooGroupRank {
  private GlooGroupRank() {}

  public static void main(String[] args) throws IOException {
    int rank = Integer.parseInt(args[0]);
    int world = Integer.parseInt(args[1]);
    int port = Integer.parseInt(args[2]);
    Path out = Path.of(String.format(args[3], rank));
    StringBuilder seen = new StringBuilder();
    GlooGroup group = GlooGroup.join(new Rendezvous("127.0.0.1", port, rank, world),
        Duration.ofSeconds(60));
    for (int i = 0; i < 20; i++) {
      try (PointerScope scope = new PointerScope()) {
        Tensor t = ones(1000).mul(new Scalar(rank + 1.0 + i));
        group.allreduceSum(t);
        seen.append("allreduce ").append(t.sum().item_double()).append('\n');
        Tensor b = rank == 0 ? arange(new Scalar(4)).to(
            org.bytedeco.pytorch.global.torch.ScalarType.Float) : ones(4);
        group.broadcast(b);
        seen.append("broadcast ").append(b.sum().item_double()).append('\n');
      }
    }
    seen.append("sums ").append(Arrays.toString(group.allreduceSum(new double[] {rank, 1})))
        .append('\n');
    byte[] bytes = group.broadcastBytes(rank == 0 ? "from rank 0".getBytes(
        StandardCharsets.UTF_8) : new byte[0]);
    seen.append("bytes ").append(new String(bytes, StandardCharsets.UTF_8)).append('\n');
    group.barrier();
    group.close(() -> seen.append("store serving after the group closed: ")
        .append(rank != 0 || listening(port)).append('\n'));
    seen.append("store serving after it closed: ").append(rank == 0 && listening(port))
        .append('\n');
    Files.writeString(out, seen.toString());
  }

  private static boolean listening(int port) {
    try (Socket s = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}

package org.landmarknas.torch;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One rank of {@link DataParallelParityTest}: trains the parity runs (plain SPOS, with
 * landmarks, GDAS with landmarks, and a fixed path) as rank {@code args[0]} of {@code args[1]}, and writes what it
 * computed to {@code String.format(args[3], rank)}.
 */
final class ParityRank {
  private ParityRank() {}

  public static void main(String[] args) throws IOException {
    int rank = Integer.parseInt(args[0]);
    int world = Integer.parseInt(args[1]);
    int port = Integer.parseInt(args[2]);
    try (GlooGroup group = GlooGroup.join(new Rendezvous("127.0.0.1", port, rank, world),
        Duration.ofSeconds(120));
        DataOutputStream out = new DataOutputStream(Files.newOutputStream(
            Path.of(String.format(args[3], rank))))) {
      for (boolean landmarks : new boolean[] {false, true}) {
        write(out, ParityRun.train(landmarks, false, net -> new RankDataParallel(group, net)));
      }
      write(out, ParityRun.trainGdas(net -> new RankDataParallel(group, net)));
      List<String> violations = ParityRun.offPathViolations(
          net -> new RankDataParallel(group, net));
      out.writeUTF(String.join("\n", violations));
    }
  }

  static void write(DataOutputStream out, ParityRun.Result r) throws IOException {
    for (int e = 0; e < 2; e++) {
      out.writeDouble(r.losses()[e]);
      out.writeDouble(r.landmarkLosses()[e]);
    }
    out.writeInt(r.parameters().length);
    for (float f : r.parameters()) {
      out.writeFloat(f);
    }
  }
}

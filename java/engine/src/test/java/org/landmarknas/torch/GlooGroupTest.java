package org.landmarknas.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two JVMs join a Gloo group over TCP on loopback, run many collectives and leave it: both exit
 * cleanly; rank 0's store still serves after its process group is closed and stops when the
 * Java store object is closed: the process group does not own (or free) the store, the Java
 * object does (DESIGN §9), so closing the group first and the store second frees it once.
 */
final class GlooGroupTest {
  @TempDir Path tmp;

  @Test
  void twoRanks_runCollectives_andCloseCleanly() throws Exception {
    RankJvms.run(GlooGroupRank.class, 2, tmp.resolve("logs"), 120,
        tmp.resolve("rank-%d.txt").toString());
    for (int r = 0; r < 2; r++) {
      String[] lines = Files.readString(Path.of(String.format(
          tmp.resolve("rank-%d.txt").toString(), r))).split("\n");
      for (int i = 0; i < 20; i++) {
        // (1 + i) + (2 + i) per element, 1000 elements
        assertEquals("allreduce " + 1000.0 * (3 + 2 * i), lines[2 * i], "rank " + r);
        assertEquals("broadcast 6.0", lines[2 * i + 1], "rank " + r);
      }
      assertEquals("sums [1.0, 2.0]", lines[40]);
      assertEquals("bytes from rank 0", lines[41]);
      // The process group does not free the store: it serves until the store is closed.
      assertEquals("store serving after the group closed: true", lines[42]);
      assertEquals("store serving after it closed: false", lines[43]);
    }
  }
}

package org.landmarknas.landmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landmarknas.config.LandmarksConfig;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;

final class LandmarkSelectionTest {
  @TempDir Path dir;

  private static LandmarksConfig withFile(Path file) {
    LandmarksConfig d = LandmarksConfig.defaults();
    return new LandmarksConfig(0, file.toString(), null, d.selector(), d.tau(), d.pairs(),
        d.pairSampler(), d.loss(), d.weighting(), d.lambdaMax(), d.schedule(), d.warmup(),
        d.ramp(), d.perStep(), d.lazy(), d.rounds(), d.perRound(),
        d.queue(), d.queueProtocol(), d.queuePollSeconds());
  }

  @Test
  void initial_givenFile_usedAsIs() throws IOException {
    Path file = dir.resolve("two.csv");
    Files.writeString(file, "arch,score\n" + LandmarkSetTest.C + ",91.5\n" + LandmarkSetTest.SKIP
        + ",80.0\n");
    LandmarkSet<Nb201Arch> set = LandmarkSelection.initial(Nb201Space.INSTANCE, withFile(file),
        Optional.empty(),
        new SplittableRandom(0));
    assertEquals(2, set.size());
    assertEquals(80.0, set.landmarks().get(0).score());
  }

  @Test
  void initial_fileWithFewerThanTwoLandmarks_refusedNamingIt() throws IOException {
    Path one = dir.resolve("one.csv");
    Files.writeString(one, "arch,score\n" + LandmarkSetTest.C + ",91.5\n");
    Path none = dir.resolve("none.csv");
    Files.writeString(none, "arch,score\n");
    for (Path file : new Path[] {one, none}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> LandmarkSelection.initial(Nb201Space.INSTANCE, withFile(file), Optional.empty(),
              new SplittableRandom(0)));
      assertTrue(e.getMessage().contains("landmarks.file " + file) && e.getMessage()
          .contains("needs at least 2"), e.getMessage());
    }
  }
}

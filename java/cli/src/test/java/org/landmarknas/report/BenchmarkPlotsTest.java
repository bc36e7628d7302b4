package org.landmarknas.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landmarknas.bench.StandaloneScores;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;
import org.landmarknas.standalone.BenchmarkStats;
import org.landmarknas.standalone.StandaloneResult;

final class BenchmarkPlotsTest {
  @TempDir Path dir;

  private static final List<Nb201Arch> ARCHS =
      Nb201Space.INSTANCE.sampleDistinct(12, new SplittableRandom(3));

  /** 12 cells with seed 0, the first 8 also with seeds 1 and 2. */
  private static List<StandaloneResult<Nb201Arch>> table() {
    SplittableRandom noise = new SplittableRandom(5);
    List<StandaloneResult<Nb201Arch>> rs = new ArrayList<>();
    for (int a = 0; a < ARCHS.size(); a++) {
      for (long seed = 0; seed < (a < 8 ? 3 : 1); seed++) {
        double acc = 0.80 + 0.005 * a + 0.003 * noise.nextGaussian();
        rs.add(new StandaloneResult<>(ARCHS.get(a), "p", seed, acc, 0.5, acc, 0.5, 1000, 10));
      }
    }
    return rs;
  }

  @Test
  void write_ceilingAndReference_twoReadablePngs() throws IOException {
    List<StandaloneResult<Nb201Arch>> rs = table();
    StandaloneScores reference = a -> ARCHS.indexOf(a) % 2 == 0
        ? OptionalDouble.of(70.0 + ARCHS.indexOf(a)) : OptionalDouble.empty();
    BenchmarkStats stats = BenchmarkStats.of(Nb201Space.INSTANCE, rs, Optional.of(reference));

    List<Path> files = BenchmarkPlots.write(Nb201Space.INSTANCE, rs, stats, Optional.of(reference),
        "p",
        dir.resolve("plots"));

    assertEquals(List.of(dir.resolve("plots").resolve(BenchmarkPlots.SEEDS_FILE),
        dir.resolve("plots").resolve(BenchmarkPlots.REFERENCE_FILE)), files);
    for (Path f : files) {
      BufferedImage image = ImageIO.read(f.toFile());
      assertNotNull(image, f + " does not decode");
      assertEquals(ReportCharts.WIDTH, image.getWidth());
      assertTrue(colours(image) > 2, f + " is nearly blank");
    }
  }

  @Test
  void write_noCeilingNoReference_nothing() throws IOException {
    List<StandaloneResult<Nb201Arch>> seed0 = table().stream().filter(r -> r.seed() == 0).toList();
    BenchmarkStats stats = BenchmarkStats.of(Nb201Space.INSTANCE, seed0, Optional.empty());
    assertEquals(List.of(), BenchmarkPlots.write(Nb201Space.INSTANCE, seed0, stats, Optional.empty(),
        "p", dir));
  }

  private static long colours(BufferedImage image) {
    return java.util.stream.IntStream.range(0, image.getWidth() * image.getHeight())
        .map(i -> image.getRGB(i % image.getWidth(), i / image.getWidth())).distinct().limit(10)
        .count();
  }
}

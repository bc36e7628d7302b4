package org.landmarknas.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.landmarknas.TestData;

/**
 * The pre-registered NB101 and DARTS comparisons are what their headers say: two arms that
 * differ in the landmark term only, 6 seed pairs, the pool of the space's own table.
 */
final class SpaceComparisonConfigsTest {

  private static final Path CONFIGS = TestData.repoRoot().resolve("configs");

  @ParameterizedTest
  @CsvSource({
      "nb101-fmnist-landmarks-vs-spos.yaml, nb101, 16, 6, 0, nb101-fmnist-c16n1-e4-n15000",
      "darts-fmnist-landmarks-vs-spos.yaml, darts, 8, 3, 5000, darts-fmnist-c8n1-e2-n10000"})
  void comparison_isAsItsHeaderSays(String file, String space, int epochs, int warmup,
      int finalImages, String table) {
    ExperimentConfig e = ExperimentConfig.load(CONFIGS.resolve(file));
    assertEquals(List.of("spos", "landmarks"),
        e.arms().stream().map(ExperimentConfig.Arm::name).toList());
    List<Long> seeds = List.of(100L, 101L, 102L, 103L, 104L, 105L);
    assertEquals(seeds, e.arms().get(0).seeds(), "6 pairs: the sign test can reach p < 0.05");
    assertEquals(seeds, e.arms().get(1).seeds());
    RunConfig spos = e.arms().get(0).runConfig(100);
    RunConfig marks = e.arms().get(1).runConfig(100);
    assertEquals(space, spos.space());
    assertEquals(space, marks.space());
    assertEquals(spos.data(), marks.data());
    assertEquals(spos.supernet(), marks.supernet());
    assertEquals(spos.train(), marks.train(), "the arms differ in the landmark term only");
    assertEquals(spos.evaluate(), marks.evaluate());
    assertEquals(spos.search(), marks.search());
    assertEquals(epochs, spos.train().epochs());
    assertEquals(1, spos.train().threads(), "one core a run: two run side by side");
    assertEquals(0, spos.landmarks().count());
    assertEquals(30, marks.landmarks().count(), "every landmark candidate");
    assertEquals(warmup, marks.landmarks().warmup());
    assertEquals(epochs * 3 / 8, marks.landmarks().warmup(), "the paper's 3/8 warm-up");
    assertEquals("loss", spos.evaluate().scoreBy());
    assertEquals("fp32", spos.evaluate().precision(), "amended from bf16: slower on AVX2");
    assertEquals(finalImages, spos.evaluate().poolImages(true));
    assertEquals(1000, spos.evaluate().poolImages(false));
    assertEquals(120, spos.evaluate().poolSize(), "all 120 evaluation cells");
    assertEquals("benchmarks/data/" + table + "-evaluation-mean2.csv", spos.evaluate().pool());
    assertEquals("benchmarks/data/" + table + "-landmark-candidates-mean2.csv",
        marks.landmarks().groundTruth(), "landmark scores from the pool's own protocol");
    assertEquals("pool", spos.search().strategy(), "every found cell has a ground truth");
  }

  @Test
  void searchConfigs_areTheComparisonsArmsBeforeItsOverrides() {
    for (String space : List.of("nb101", "darts")) {
      RunConfig spos = RunConfigLoader.load(CONFIGS.resolve(space + "-fmnist-spos.yaml"),
          List.of());
      RunConfig marks = RunConfigLoader.load(CONFIGS.resolve(space + "-fmnist-landmarks.yaml"),
          List.of());
      assertEquals(spos.train(), marks.train(), space);
      assertEquals(spos.evaluate(), marks.evaluate(), space);
      assertTrue(marks.landmarks().enabled(), space);
      assertEquals(marks.train().epochs() * 3 / 8, marks.landmarks().warmup(), space);
    }
  }
}

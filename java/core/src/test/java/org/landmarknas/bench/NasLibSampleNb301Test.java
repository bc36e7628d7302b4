package org.landmarknas.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landmarknas.TestData;
import org.landmarknas.space.DartsGenotype;
import org.landmarknas.space.DartsNotation;
import org.landmarknas.space.DartsSpace;
import org.landmarknas.space.NetworkCost;
import org.landmarknas.space.Skeleton;

/** The shipped NB301 sample, and the DARTS space's notations and cost model against all of it. */
final class NasLibSampleNb301Test {
  private static final DartsSpace SPACE = DartsSpace.INSTANCE;
  private static NasLibSample<DartsGenotype> table;

  @TempDir Path dir;

  @BeforeAll
  static void load() {
    table = NasLibSample.nb301(TestData.nb301Table());
  }

  @Test
  void load_725Rows_withAccuracyAndTenProxies() {
    assertEquals(725, table.size());
    NasLibSample.Row<DartsGenotype> first = table.rows().get(0);
    assertTrue(first.key().startsWith("[[(0, 0), (1, 5), (1, 1), (0, 1)"), first.key());
    assertEquals(93.32119084207302, first.validAccuracy());
    assertEquals(0.856298, first.paramsMillions());
    assertEquals(153.499136, first.flopsMillions());
    assertEquals(List.of("synflow", "grasp", "fisher", "grad_norm", "l2_norm", "plain", "nwot",
        "epe_nas", "jacov", "snip"), List.copyOf(first.proxies().keySet()));
    assertEquals(first, table.row(first.arch()).orElseThrow());
    assertEquals(first.proxies().keySet(), Set.copyOf(table.proxyNames()));
    assertEquals(-2.9099960327148438, first.proxies().get("grasp"));
  }

  @Test
  void everyKey_parsesAndRoundTrips_throughEveryNotation() {
    Set<String> classes = new HashSet<>();
    for (NasLibSample.Row<DartsGenotype> r : table.rows()) {
      DartsGenotype g = r.arch();
      assertEquals(r.key(), DartsNotation.compactKey(g), "written back as published");
      assertEquals(g, SPACE.parse(DartsNotation.genotypeString(g)));
      assertEquals(g, SPACE.parse(SPACE.format(g)));
      assertEquals(g, SPACE.decode(SPACE.encode(g)).orElseThrow());
      classes.add(SPACE.canonicalKey(g));
    }
    assertEquals(725, classes.size(), "no two published genotypes are equivalent");
  }

  @Test
  void nasLibCost_equalsThePublishedParams_ofAll725() {
    for (NasLibSample.Row<DartsGenotype> r : table.rows()) {
      NetworkCost c = SPACE.nasLibCost(r.arch(), NasLibSample.NB301_NETWORK);
      assertEquals(Math.round(r.paramsMillions() * 1e6), c.parameters(), r.key());
      assertTrue(SPACE.cost(r.arch(), NasLibSample.NB301_NETWORK).parameters()
          > c.parameters(), "the stand-alone network's BNs are affine");
      // the flops column adds element-wise work (BN, ReLU, pools, sums) to the MACs
      double ratio = r.flopsMillions() * 1e6 / c.macs();
      assertTrue(ratio > 1.02 && ratio < 1.12, r.key() + ": flops / MACs = " + ratio);
    }
  }

  @Test
  void bestGenotype_atDartsCifarSize_hasAboutThreeAndAHalfMillionParameters() {
    NasLibSample.Row<DartsGenotype> best = table.rows().stream()
        .max(Comparator.comparingDouble(NasLibSample.Row::validAccuracy)).orElseThrow();
    assertEquals("[[(1, 2), (0, 3), (2, 4), (1, 1), (0, 2), (2, 3), (1, 3), (2, 4)], [(0, 1),"
        + " (1, 0), (0, 4), (1, 3), (1, 3), (3, 6), (1, 1), (0, 5)]]", best.key(), "idx 554");
    NetworkCost c = SPACE.cost(best.arch(), new Skeleton(3, 32, 32, 10, 36, 6));
    assertEquals(3_502_918, c.parameters());
    assertEquals(550_311_552, c.macs());
  }

  @Test
  void groundTruth_writesAndReadsAsArchScoreCsv() throws IOException {
    GroundTruth<DartsGenotype> gt = table.groundTruth();
    assertEquals(725, gt.size());
    Path file = dir.resolve("nb301.csv");
    GroundTruth.csv(SPACE).write(file, gt.archs(), List.copyOf(gt.scores().values()));
    assertEquals(726, Files.readAllLines(file).size());
    GroundTruth<DartsGenotype> back = GroundTruth.load(SPACE, file);
    assertEquals(gt.scores(), back.scores());
  }

  @Test
  void load_errorsNameTheFileAndKey() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.json"), "{\"cifar10\": {\"[[(0, 0)], [(0, 0)]]\":"
        + " {\"idx\": \"1\", \"val_accuracy\": 90, \"params\": 1, \"flops\": 1}}}");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> NasLibSample.nb301(bad));
    assertTrue(e.getMessage().contains("bad.json") && e.getMessage().contains("8 edges"),
        e.getMessage());
    Path wrong = Files.writeString(dir.resolve("wrong.json"), "{\"nasbench301\": {}}");
    assertThrows(IllegalArgumentException.class, () -> NasLibSample.nb301(wrong));
    String key = "[[(0, 0), (1, 5), (1, 1), (0, 1), (1, 3), (0, 3), (1, 3), (3, 2)], [(1, 0),"
        + " (0, 2), (1, 3), (0, 3), (3, 0), (0, 1), (2, 0), (3, 6)]]";
    Path other = Files.writeString(dir.resolve("other.json"), "{\"cifar10\": {\"" + key
        + "\": {\"idx\": \"1\", \"arch\": \"[[(0, 1)]]\", \"val_accuracy\": 90, \"params\": 1,"
        + " \"flops\": 1}}}");
    e = assertThrows(IllegalArgumentException.class, () -> NasLibSample.nb301(other));
    assertTrue(e.getMessage().contains("other.json") && e.getMessage().contains(key)
        && e.getMessage().contains("arch field differs"), e.getMessage());
  }
}

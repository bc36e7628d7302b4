package org.landmarknas.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landmarknas.TestData;
import org.landmarknas.space.Nb101Arch;
import org.landmarknas.space.Nb101Cost;
import org.landmarknas.space.Nb101Space;

/** The shipped NB101 sample, and the space's parser, hash and cost model against all of it. */
final class NasLibSampleNb101Test {
  private static final Nb101Space SPACE = Nb101Space.INSTANCE;
  private static NasLibSample<Nb101Arch> table;

  @TempDir Path dir;

  @BeforeAll
  static void load() {
    table = NasLibSample.nb101(TestData.nb101Table());
  }

  @Test
  void load_500Rows_withAccuracyAndNineProxies() {
    assertEquals(500, table.size());
    NasLibSample.Row<Nb101Arch> first = table.rows().get(0);
    assertEquals(92.578125, first.validAccuracy());
    assertEquals(4.095778, first.paramsMillions());
    assertEquals(624.55808, first.flopsMillions());
    assertEquals(List.of("snip", "jacov", "grad_norm", "plain", "epe_nas", "fisher", "grasp",
        "l2_norm", "synflow"), List.copyOf(first.proxies().keySet()));
    assertEquals(first, table.row(first.arch()).orElseThrow());
    assertEquals(List.copyOf(first.proxies().keySet()), table.proxyNames());
    assertEquals(88.08498394991342, first.proxies().get("synflow"));
  }

  @Test
  void everyKey_parsesAndRoundTrips_through_bothNotations() {
    for (NasLibSample.Row<Nb101Arch> r : table.rows()) {
      assertEquals(r.arch(), SPACE.parse(r.key()));
      assertEquals(r.arch(), SPACE.parse(SPACE.format(r.arch())));
      assertEquals(r.arch(), SPACE.decode(SPACE.encode(r.arch())).orElseThrow());
    }
  }

  @Test
  void hashes_292Classes_equivalentKeysShareTheCost() {
    Map<String, Integer> perClass = new HashMap<>();
    Map<String, Long> paramsOfClass = new HashMap<>();
    for (NasLibSample.Row<Nb101Arch> r : table.rows()) {
      String key = SPACE.canonicalKey(r.arch());
      perClass.merge(key, 1, Integer::sum);
      long params = SPACE.cost(r.arch(), NasLibSample.NB101_NETWORK).parameters();
      assertEquals(params, paramsOfClass.computeIfAbsent(key, k -> params));
      assertEquals(key, SPACE.canonicalKey(SPACE.canonical(r.arch())));
    }
    // NASLib drew labelled specs: pruning leaves many small cells, drawn again and again
    assertEquals(292, perClass.size());
    assertEquals(55, perClass.get("043721b9c7fe8c5fad811d47d83132ec"), "the bare in->out cell");
  }

  @Test
  void labelledCost_equalsThePublishedParamsAndFlops_ofAll500() {
    int representativeDiffers = 0;
    for (NasLibSample.Row<Nb101Arch> r : table.rows()) {
      Nb101Cost c = SPACE.labelledCost(r.arch(), NasLibSample.NB101_NETWORK);
      assertEquals(Math.round(r.paramsMillions() * 1e6), c.parameters(), r.key());
      assertEquals(Math.round(r.flopsMillions() * 1e6), c.flops(), r.key());
      if (SPACE.cost(r.arch(), NasLibSample.NB101_NETWORK).parameters() != c.parameters()) {
        representativeDiffers++;
      }
    }
    // the numbering decides which op gets the remainder of the channel split
    assertEquals(28, representativeDiffers);
  }

  @Test
  void groundTruth_writesAndReadsAsArchScoreCsv() throws IOException {
    GroundTruth<Nb101Arch> gt = table.groundTruth();
    assertEquals(500, gt.size());
    Path file = dir.resolve("nb101.csv");
    GroundTruth.csv(SPACE).write(file, gt.archs(), List.copyOf(gt.scores().values()));
    GroundTruth<Nb101Arch> back = GroundTruth.load(SPACE, file);
    assertEquals(gt.scores(), back.scores());
  }

  @Test
  void load_errorsNameTheFileAndKey() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.json"), "{\"nasbench101\": {\"cifar10\": {"
        + "\"(0, 1)\": {\"val_accuracy\": 90, \"params\": 1, \"flops\": 1}}}}");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> NasLibSample.nb101(bad));
    assertTrue(e.getMessage().contains("bad.json") && e.getMessage().contains("got 2"),
        e.getMessage());
    Path wrong = Files.writeString(dir.resolve("wrong.json"), "{\"cifar10\": {}}");
    assertThrows(IllegalArgumentException.class, () -> NasLibSample.nb101(wrong));
  }
}

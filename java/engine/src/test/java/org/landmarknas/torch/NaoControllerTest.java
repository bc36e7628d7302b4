package org.landmarknas.torch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landmarknas.config.NaoSize;
import org.landmarknas.metric.KendallTau;
import org.landmarknas.space.DartsGenotype;
import org.landmarknas.space.DartsSpace;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Op;
import org.landmarknas.space.Nb201Space;

/**
 * NAO's controller on NB201 against a synthetic score (the number of conv3x3 edges): the
 * predictor ranks held-out cells, the decoder reconstructs them, generation yields cells of the
 * space and moves towards a higher score, and a checkpoint restores it exactly; a configured
 * size builds that controller (here over DARTS's 32 entries).
 */
final class NaoControllerTest {
  private static final Nb201Space SPACE = Nb201Space.INSTANCE;
  private static final NaoShape SHAPE = NaoShape.of(SPACE);
  private static final int EPOCHS = 400;
  private static List<int[]> train;
  private static List<int[]> heldOut;
  private static NaoController trained;
  private static double trainSeconds;
  @TempDir Path tmp;

  @BeforeAll
  static void trainOnce() {
    Libtorch.load();
    List<int[]> all = new ArrayList<>();
    for (Nb201Arch a : SPACE.sampleDistinct(500, new SplittableRandom(3))) {
      all.add(SPACE.encode(a));
    }
    train = all.subList(0, 300);
    heldOut = all.subList(300, 500);
    trained = new NaoController(SHAPE, 11);
    long start = System.nanoTime();
    trained.train(train, scores(train), EPOCHS, new SplittableRandom(5));
    trainSeconds = (System.nanoTime() - start) / 1e9;
  }

  private static double conv3x3(int[] e) {
    int n = 0;
    for (int v : e) {
      n += v == Nb201Op.NOR_CONV_3X3.ordinal() ? 1 : 0;
    }
    return n;
  }

  private static double[] scores(List<int[]> encodings) {
    return encodings.stream().mapToDouble(NaoControllerTest::conv3x3).toArray();
  }

  @Test
  void shape_isTheReferenceNb201Controller() {
    assertEquals(6, SHAPE.length());
    assertEquals(6, SHAPE.vocabulary());
    assertEquals(36, SHAPE.embedding());
    assertEquals(16, SHAPE.hidden());
  }

  @Test
  void predictor_ranksHeldOutCellsByTheSyntheticScore() {
    double tau = KendallTau.tauB(trained.predict(heldOut), scores(heldOut));
    System.out.printf(Locale.ROOT, "NAO predictor held-out Kendall tau %.3f (training %d"
        + " epochs of 300 cells: %.1f s)%n", tau, EPOCHS, trainSeconds);
    assertTrue(tau > 0.5, "held-out Kendall tau " + tau);
  }

  @Test
  void decoder_reconstructsMostHeldOutCells() {
    int[][] decoded = trained.generate(heldOut, 0);
    int same = 0;
    for (int i = 0; i < heldOut.size(); i++) {
      same += Arrays.equals(decoded[i], heldOut.get(i)) ? 1 : 0;
    }
    double rate = (double) same / heldOut.size();
    System.out.printf(Locale.ROOT, "NAO held-out reconstruction %.3f%n", rate);
    assertTrue(rate > 0.8, "reconstructed " + same + " of " + heldOut.size());
  }

  @Test
  void generation_yieldsCellsOfTheSpaceWithMoreConv3x3() {
    double before = 0;
    double after = 0;
    int changed = 0;
    int[][] moved = trained.generate(heldOut, 10);
    for (int i = 0; i < heldOut.size(); i++) {
      Nb201Arch a = SPACE.decode(moved[i]).orElseThrow();
      assertEquals(a, SPACE.parse(SPACE.format(a)));
      if (!Arrays.equals(moved[i], heldOut.get(i))) {
        changed++;
        before += conv3x3(heldOut.get(i));
        after += conv3x3(moved[i]);
      }
    }
    System.out.printf(Locale.ROOT, "NAO step 10: %d of %d changed, conv3x3 %.2f -> %.2f%n",
        changed, heldOut.size(), before / Math.max(1, changed), after / Math.max(1, changed));
    assertTrue(changed > 0, "a step of 10 changes some cells");
    assertTrue(after > before, "moved up the predictor: " + before + " -> " + after);
  }

  @Test
  void checkpoint_restoresWeightsAndAdamExactly() {
    NaoController a = new NaoController(SHAPE, 1);
    a.train(train.subList(0, 120), scores(train.subList(0, 120)), 3, new SplittableRandom(2));
    a.save(tmp);
    NaoController b = new NaoController(SHAPE, 99);
    b.restore(tmp);
    assertArrayEquals(a.predict(heldOut), b.predict(heldOut));
    a.train(train.subList(0, 120), scores(train.subList(0, 120)), 2, new SplittableRandom(4));
    b.train(train.subList(0, 120), scores(train.subList(0, 120)), 2, new SplittableRandom(4));
    assertArrayEquals(a.predict(heldOut), b.predict(heldOut));
    assertThrows(IllegalArgumentException.class,
        () -> new NaoController(SHAPE, 1).restore(tmp.resolve("none")));
  }

  @Test
  void configuredSize_buildsThatControllerAndRefusesAnotherSizesCheckpoint() {
    NaoShape wide = NaoShape.of(DartsSpace.INSTANCE, new NaoSize(20, 24, 3, 32, 0.0));
    assertEquals(List.of(32, 20, 24, 3, 32), List.of(wide.length(), wide.embedding(),
        wide.hidden(), wide.mlpLayers(), wide.mlpHidden()));
    List<DartsGenotype> cells = DartsSpace.INSTANCE.sampleDistinct(12, new SplittableRandom(5));
    List<int[]> codes = cells.stream().map(DartsSpace.INSTANCE::encode).toList();
    NaoController c = new NaoController(wide, 3);
    c.train(codes, IntStream.range(0, codes.size()).asDoubleStream().toArray(), 2,
        new SplittableRandom(6));
    assertEquals(codes.size(), c.predict(codes).length);
    Path dir = tmp.resolve("wide");
    assertTrue(dir.toFile().mkdirs());
    c.save(dir);
    assertThrows(RuntimeException.class,
        () -> new NaoController(NaoShape.of(DartsSpace.INSTANCE), 3).restore(dir),
        "a checkpoint of another controller size must not load");
  }

  @Test
  void normalise_mapsScoresToTheUnitInterval() {
    assertArrayEquals(new float[] {0f, 1f, 0.5f}, NaoController.normalise(new double[] {1, 3, 2}));
    assertArrayEquals(new float[] {0.5f, 0.5f}, NaoController.normalise(new double[] {2, 2}));
  }
}

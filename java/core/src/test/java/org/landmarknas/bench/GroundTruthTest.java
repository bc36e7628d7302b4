package org.landmarknas.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landmarknas.TestData;
import org.landmarknas.space.DartsGenotype;
import org.landmarknas.space.DartsSpace;
import org.landmarknas.space.Nb101Arch;
import org.landmarknas.space.Nb101Space;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;

final class GroundTruthTest {
  private static final String A =
      "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|";
  private static final String B = "|nor_conv_1x1~0|+|none~0|none~1|+|skip_connect~0|none~1|none~2|";
  private static final String C = "|none~0|+|none~0|none~1|+|nor_conv_3x3~0|none~1|none~2|";

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void load_csv_scoresAndCompetitionRanks() throws IOException {
    GroundTruth<Nb201Arch> gt = GroundTruth.load(write("g.csv",
        "arch,score\n" + A + ",91.5\n" + B + ",80\n" + C + ",91.5\n"));
    assertEquals(3, gt.size());
    assertEquals(80.0, gt.score(Nb201Arch.parse(B)).getAsDouble());
    assertEquals(1, gt.rank(Nb201Arch.parse(A)).getAsInt());
    assertEquals(1, gt.rank(Nb201Arch.parse(C)).getAsInt());
    assertEquals(3, gt.rank(Nb201Arch.parse(B)).getAsInt());
    assertTrue(gt.rank(Nb201Arch.ofCode(7)).isEmpty());
  }

  @Test
  void byClass_findsTheOneEquivalentEntry_notAnAmbiguousOne() throws IOException {
    // node 1 of B feeds nothing that reaches the output, so its op does not matter
    String b2 = B.replace("|nor_conv_1x1~0|+", "|nor_conv_3x3~0|+");
    String b3 = B.replace("|nor_conv_1x1~0|+", "|avg_pool_3x3~0|+");
    Nb201Arch canonicalB = Nb201Space.INSTANCE.canonical(Nb201Arch.parse(B));
    assertNotEquals(Nb201Arch.parse(B), canonicalB);
    assertEquals(canonicalB, Nb201Space.INSTANCE.canonical(Nb201Arch.parse(b3)));

    StandaloneScores<Nb201Arch> one = GroundTruth.load(write("one.csv",
        "arch,score\n" + A + ",91.5\n" + B + ",80\n")).byClass();
    assertEquals(80.0, one.score(canonicalB).getAsDouble(), "the drawn form's score");
    assertEquals(80.0, one.score(Nb201Arch.parse(b3)).getAsDouble());
    assertEquals(91.5, one.score(Nb201Arch.parse(A)).getAsDouble());
    assertTrue(one.score(Nb201Arch.parse(C)).isEmpty());

    StandaloneScores<Nb201Arch> two = GroundTruth.load(write("two.csv",
        "arch,score\n" + B + ",80\n" + b2 + ",81\n")).byClass();
    assertEquals(81.0, two.score(Nb201Arch.parse(b2)).getAsDouble(), "its own score first");
    assertTrue(two.score(Nb201Arch.parse(b3)).isEmpty(), "80 or 81: not guessed");
  }

  @Test
  void load_errorsNameFileAndLine() throws IOException {
    assertMessage(write("h.csv", "a,b\n"), "line 1");
    assertMessage(write("n.csv", "arch,score\n" + A + ",ninety\n"), "line 2");
    // Double.parseDouble takes these; a landmark file does not, nor does a ground-truth file
    assertMessage(write("s.csv", "arch,score\n" + A + ",90d\n"),
        "line 2: score \"90d\" is not a decimal number");
    assertMessage(write("x.csv", "arch,score\n" + A + ",0x1p6\n"), "line 2");
    assertMessage(write("r.csv", "arch,score\n" + A + ",101\n"), "outside [0, 100]");
    assertMessage(write("p.csv", "arch,score\n" + A + ",90\n|bad~0|,3\n"), "line 3");
    assertMessage(write("d.csv", "arch,score\n" + A + ",90\n" + A + ",91\n"), "line 2");
    assertMessage(dir.resolve("missing.csv"), "does not exist");
    assertMessage(write("f.csv", "arch,score\n" + A + ",0.93\n" + B + ",0.91\n"),
        "looks like accuracy as a fraction");
  }

  @Test
  void load_csv_sharesTheLandmarkFilesRules() throws IOException {
    // A byte-order mark counts before the header only, as in landmark files and the NB201 table;
    // ground truth used to drop one anywhere in the header line.
    assertEquals(2, GroundTruth.load(write("bom.csv",
        "\uFEFFarch,score\n" + A + ",91.5\n" + B + ",80\n")).size());
    assertMessage(write("mid.csv", "arch,\uFEFFscore\n" + A + ",91.5\n"), "line 1");
    assertMessage(write("end.csv", "arch,score\uFEFF\n" + A + ",91.5\n"), "line 1");
    // Exactly two columns, as in landmark files (this was a "bad arch" error for ground truth).
    assertMessage(write("c.csv", "arch,score\n" + A + ",90,1\n"),
        "line 2: expected 2 comma-separated columns");
    // The same wording for a repeat as in landmark files.
    assertMessage(write("d2.csv", "arch,score\n" + A + ",90\n" + A + ",91\n"),
        "line 3: architecture " + A + " duplicates the one on line 2");
  }

  private static void assertMessage(Path file, String part) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GroundTruth.load(file));
    assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains(part),
        e.getMessage());
  }

  @Test
  void load_nb201Table_takesTestAccuracy_andPoolDrawIsCleanAndSeeded() {
    Path table = TestData.nb201Table();
    GroundTruth<Nb201Arch> gt = GroundTruth.load(table);
    assertEquals(15_625, gt.size());
    Nb201Arch best = Nb201Table.load(table).arch(6111).orElseThrow();
    assertEquals(Nb201Table.load(table).row(best).orElseThrow().testAccuracy(),
        gt.score(best).getAsDouble());
    Set<Nb201Arch> landmarks = Set.of(best);
    EvaluationPool<Nb201Arch> p1 = EvaluationPool.draw(gt, 200, new SplittableRandom(3),
        landmarks::contains);
    EvaluationPool<Nb201Arch> p2 = EvaluationPool.draw(gt, 200, new SplittableRandom(3),
        landmarks::contains);
    EvaluationPool<Nb201Arch> p3 = EvaluationPool.draw(gt, 200, new SplittableRandom(4),
        landmarks::contains);
    assertEquals(p1, p2);
    assertTrue(!p1.archs().equals(p3.archs()));
    assertEquals(200, p1.size());
    Set<String> classes = new HashSet<>();
    for (int i = 0; i < p1.size(); i++) {
      Nb201Arch a = p1.archs().get(i);
      assertTrue(a.isConnected() && !landmarks.contains(a));
      assertTrue(classes.add(Nb201Space.INSTANCE.canonicalKey(a)), "equivalent pair in pool");
      assertEquals(gt.score(a).getAsDouble(), p1.groundTruth().get(i));
    }
    assertThrows(IllegalArgumentException.class,
        () -> EvaluationPool.draw(gt, 10_000, new SplittableRandom(1), a -> false));
  }

  @Test
  void load_readsThePublishedJsonSamples_ofTheirOwnSpaceOnly() {
    GroundTruth<Nb101Arch> nb101 = GroundTruth.load(Nb101Space.INSTANCE, TestData.nb101Table());
    assertEquals(500, nb101.size());
    assertEquals(NasLibSample.nb101(TestData.nb101Table()).groundTruth().scores(),
        nb101.scores());
    GroundTruth<DartsGenotype> darts = GroundTruth.load(DartsSpace.INSTANCE,
        TestData.nb301Table());
    assertEquals(725, darts.size());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GroundTruth.load(Nb201Space.INSTANCE, TestData.nb101Table()));
    assertTrue(e.getMessage().contains(TestData.nb101Table().toString())
        && e.getMessage().contains("give an arch,score CSV"), e.getMessage());
  }
}

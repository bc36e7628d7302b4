package org.landmarknas.landmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;

final class LandmarkSetTest {

  static final String A =
      "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|"
          + "+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|";
  static final String B =
      "|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|"
          + "+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|";
  static final String C =
      "|nor_conv_1x1~0|+|none~0|nor_conv_3x3~1|+|none~0|none~1|nor_conv_3x3~2|";
  /** Only the skip 3<-0 reaches the output. */
  static final String SKIP = "|none~0|+|none~0|none~1|+|skip_connect~0|none~1|none~2|";
  /** SKIP with a dead conv on 1<-0: node 1 feeds nothing, so the same function. */
  static final String SKIP_EQUIV =
      "|nor_conv_3x3~0|+|none~0|none~1|+|skip_connect~0|none~1|none~2|";

  @TempDir
  Path dir;

  private Path write(String name, String... lines) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, List.of(lines), StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void equivalentFixture_isEquivalentButNotEqual() {
    Nb201Space space = Nb201Space.INSTANCE;
    assertEquals(space.canonicalKey(Nb201Arch.parse(SKIP)),
        space.canonicalKey(Nb201Arch.parse(SKIP_EQUIV)));
    assertFalse(Nb201Arch.parse(SKIP).equals(Nb201Arch.parse(SKIP_EQUIV)));
  }

  @Test
  void of_sortsByAscendingScore_tiesByCode() {
    Landmark<Nb201Arch> a = Landmark.of(A, 93.5);
    Landmark<Nb201Arch> b = Landmark.of(B, 70.0);
    Landmark<Nb201Arch> c = Landmark.of(C, 70.0);
    Landmark<Nb201Arch> s = Landmark.of(SKIP, 10.0);
    LandmarkSet<Nb201Arch> set = LandmarkSet.of(List.of(a, b, c, s));
    Landmark<Nb201Arch> firstTie = b.arch().code() < c.arch().code() ? b : c;
    Landmark<Nb201Arch> secondTie = firstTie == b ? c : b;
    assertEquals(List.of(s, firstTie, secondTie, a), set.landmarks());
    assertEquals(4, set.size());
    assertEquals(a, set.get(3));
    // Input order does not matter.
    assertEquals(set, LandmarkSet.of(List.of(a, c, s, b)));
    assertThrows(IndexOutOfBoundsException.class, () -> set.get(4));
  }

  @Test
  void landmark_rejectsScoresOutsidePercentRange() {
    assertThrows(IllegalArgumentException.class, () -> Landmark.of(A, -0.1));
    assertThrows(IllegalArgumentException.class, () -> Landmark.of(A, 100.01));
    assertThrows(IllegalArgumentException.class, () -> Landmark.of(A, Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> new Landmark<>(null, 50));
    assertEquals(Landmark.of(A, 0.0), Landmark.of(A, -0.0));
  }

  @Test
  void containsAndIndexOf_answerForTheWholeEquivalenceClass() {
    LandmarkSet<Nb201Arch> set = LandmarkSet.of(List.of(Landmark.of(SKIP, 20), Landmark.of(A, 90)));
    assertTrue(set.contains(Nb201Arch.parse(SKIP_EQUIV)));
    assertEquals(OptionalInt.of(0), set.indexOf(Nb201Arch.parse(SKIP_EQUIV)));
    assertEquals(OptionalInt.of(1), set.indexOf(Nb201Arch.parse(A)));
    assertFalse(set.contains(Nb201Arch.parse(B)));
    assertEquals(OptionalInt.empty(), set.indexOf(Nb201Arch.parse(B)));
  }

  @Test
  void excluded_isTrueExactlyForMembersAndEquivalents() {
    LandmarkSet<Nb201Arch> set = LandmarkSet.of(List.of(Landmark.of(SKIP, 20), Landmark.of(A, 90)));
    Predicate<Nb201Arch> excluded = set.excluded();
    Nb201Space space = Nb201Space.INSTANCE;
    int count = 0;
    for (Nb201Arch arch : space.all()) {
      boolean expected = space.canonicalKey(arch).equals(space.canonicalKey(Nb201Arch.parse(SKIP)))
          || space.canonicalKey(arch).equals(space.canonicalKey(Nb201Arch.parse(A)));
      assertEquals(expected, excluded.test(arch), arch.toString());
      if (expected) {
        count++;
      }
    }
    assertTrue(count > 2, "the classes have more than one member each in total");
    assertFalse(LandmarkSet.empty().excluded().test(Nb201Arch.parse(A)));
  }

  @Test
  void of_rejectsDuplicatesAndEquivalents() {
    IllegalArgumentException dup = assertThrows(IllegalArgumentException.class,
        () -> LandmarkSet.of(List.of(Landmark.of(A, 90), Landmark.of(A, 91))));
    assertTrue(dup.getMessage().contains("duplicates"), dup.getMessage());
    IllegalArgumentException eq = assertThrows(IllegalArgumentException.class,
        () -> LandmarkSet.of(List.of(Landmark.of(SKIP, 20), Landmark.of(SKIP_EQUIV, 21))));
    assertTrue(eq.getMessage().contains("equivalent"), eq.getMessage());
    assertTrue(eq.getMessage().contains(SKIP), eq.getMessage());
  }

  @Test
  void plus_addsSorted_andRejectsMembersAndTheirEquivalents() {
    LandmarkSet<Nb201Arch> set = LandmarkSet.of(List.of(Landmark.of(SKIP, 20), Landmark.of(A, 90)));
    LandmarkSet<Nb201Arch> more = set.plus(List.of(Landmark.of(B, 50), Landmark.of(C, 95)));
    assertEquals(4, more.size());
    assertEquals(2, set.size(), "the original is unchanged");
    assertEquals(List.of(20.0, 50.0, 90.0, 95.0),
        more.landmarks().stream().map(Landmark::score).toList());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> set.plus(List.of(Landmark.of(SKIP_EQUIV, 30))));
    assertTrue(e.getMessage().contains("existing landmark"), e.getMessage());
    IllegalArgumentException within = assertThrows(IllegalArgumentException.class,
        () -> set.plus(List.of(Landmark.of(B, 30), Landmark.of(B, 31))));
    assertTrue(within.getMessage().contains("added landmark"), within.getMessage());
  }

  @Test
  void csv_roundTripsExactly() {
    SplittableRandom rng = new SplittableRandom(7);
    List<Nb201Arch> archs = new RandomLandmarkSelector<>(Nb201Space.INSTANCE).select(30, rng,
        a -> true);
    List<Landmark<Nb201Arch>> ls = archs.stream()
        .map(a -> new Landmark<>(a, rng.nextDouble() * 100)).toList();
    LandmarkSet<Nb201Arch> set = LandmarkSet.of(ls).plus(List.of());
    Path p = dir.resolve("landmarks.csv");
    set.writeCsv(p);
    assertEquals(set, LandmarkSet.fromCsv(p));
    // Rewriting replaces the file and leaves no temporary files behind.
    LandmarkSet<Nb201Arch> small = LandmarkSet.of(List.of(Landmark.of(A, 1e-5), Landmark.of(B,
        100)));
    small.writeCsv(p);
    assertEquals(small, LandmarkSet.fromCsv(p));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(p), files.toList());
    } catch (IOException ex) {
      throw new AssertionError(ex);
    }
  }

  @Test
  void csv_writesHeaderPlainScoresAndSortedRows() throws IOException {
    LandmarkSet<Nb201Arch> set = LandmarkSet.of(List.of(Landmark.of(A, 93.5), Landmark.of(B,
        0.00001)));
    Path p = dir.resolve("l.csv");
    set.writeCsv(p);
    assertEquals(List.of("arch,score", B + ",0.00001", A + ",93.5"),
        Files.readAllLines(p, StandardCharsets.UTF_8));
  }

  @Test
  void fromCsv_acceptsBlankLinesBomAndSpaces() throws IOException {
    Path p = write("ok.csv", "\uFEFFarch,score", A + " , 93.5", "", B + ",70");
    LandmarkSet<Nb201Arch> set = LandmarkSet.fromCsv(p);
    assertEquals(2, set.size());
    assertEquals(70.0, set.get(0).score());
  }

  @Test
  void fromCsv_headerOnly_isEmpty() throws IOException {
    assertEquals(0, LandmarkSet.fromCsv(write("empty.csv", "arch,score")).size());
  }

  private void assertCsvError(Path p, int line, String... fragments) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LandmarkSet.fromCsv(p));
    String m = e.getMessage();
    assertTrue(m.contains(p.toString()), m);
    assertTrue(m.contains("line " + line + ":"), m);
    for (String f : fragments) {
      assertTrue(m.contains(f), "missing \"" + f + "\" in: " + m);
    }
  }

  @Test
  void fromCsv_reportsEachErrorWithFileAndLine() throws IOException {
    assertCsvError(write("h.csv", "arch,accuracy", A + ",90"), 1, "expected header");
    Files.write(dir.resolve("z.csv"), new byte[0]);
    assertCsvError(dir.resolve("z.csv"), 1, "empty file");
    assertCsvError(write("cols.csv", "arch,score", A + ",90", B + ",70,1"), 3,
        "expected 2 comma-separated columns");
    // The parser's own message is passed on.
    assertCsvError(write("arch.csv", "arch,score", A + ",90", "", B.replace("skip", "jump") + ",7"),
        4, "bad arch", "unknown op \"jump_connect\"");
    assertCsvError(write("nan.csv", "arch,score", A + ",NaN"), 2,
        "score \"NaN\" is not a decimal number");
    assertCsvError(write("range.csv", "arch,score", A + ",93", B + ",0.5", C + ",101"), 4,
        "outside [0, 100]");
    assertCsvError(write("dup.csv", "arch,score", A + ",93", B + ",70", A + ",93"), 4,
        "duplicates the one on line 2");
    assertCsvError(write("eq.csv", "arch,score", SKIP + ",10", A + ",93", SKIP_EQUIV + ",10.5"),
        4, "is equivalent to the one on line 2", SKIP);
  }

  @Test
  void fromCsv_missingFile_isUncheckedIo() {
    assertThrows(java.io.UncheckedIOException.class,
        () -> LandmarkSet.fromCsv(dir.resolve("absent.csv")));
  }
}

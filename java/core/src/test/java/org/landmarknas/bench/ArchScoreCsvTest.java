package org.landmarknas.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landmarknas.bench.ArchScoreCsv.Distinct;
import org.landmarknas.bench.ArchScoreCsv.Row;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;

final class ArchScoreCsvTest {
  private static final String A =
      "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|";
  private static final String B = "|nor_conv_1x1~0|+|none~0|none~1|+|skip_connect~0|none~1|none~2|";
  /** B with another op on the dead edge 1<-0: a different string, the same function. */
  private static final String B_EQUIV = B.replace("|nor_conv_1x1~0|+", "|avg_pool_3x3~0|+");

  private static final ArchScoreCsv TRUTH = new ArchScoreCsv<>("test file",
      Distinct.ARCHITECTURES, Nb201Space.INSTANCE);
  private static final ArchScoreCsv CLASSES =
      new ArchScoreCsv<>("test file", Distinct.EQUIVALENCE_CLASSES, Nb201Space.INSTANCE);

  @TempDir Path dir;

  private Path write(String name, String... lines) throws IOException {
    return Files.write(dir.resolve(name), List.of(lines), StandardCharsets.UTF_8);
  }

  private static Row row(String arch, double score) {
    return new Row(Nb201Arch.parse(arch), score);
  }

  @Test
  void write_thenRead_givesTheSameRows_inPlainDecimals() throws IOException {
    List<Row> rows = List.of(row(A, 93.76), row(B, 0.00001), row(B_EQUIV, 100), row(
        "|none~0|+|none~0|none~1|+|none~0|none~1|none~2|", 0));
    Path p = dir.resolve("rows.csv");
    TRUTH.write(p, rows);
    assertEquals(rows, TRUTH.read(p));
    assertEquals(List.of("arch,score", A + ",93.76", B + ",0.00001", B_EQUIV + ",100.0",
        "|none~0|+|none~0|none~1|+|none~0|none~1|none~2|,0.0"),
        Files.readAllLines(p, StandardCharsets.UTF_8));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(p), files.toList(), "no temporary file left beside it");
    }
  }

  @Test
  void write_archsAndScores_isWhatGroundTruthReadsBack() {
    // How the search writes pool.csv and evaluate reads it.
    Path p = dir.resolve("pool.csv");
    List<Nb201Arch> archs = List.of(Nb201Arch.parse(A), Nb201Arch.parse(B));
    GroundTruth.csv(Nb201Space.INSTANCE).write(p, archs, List.of(91.25, 1e-7));
    GroundTruth<Nb201Arch> gt = GroundTruth.load(p);
    assertEquals(archs, gt.archs());
    assertEquals(1e-7, gt.score(archs.get(1)).getAsDouble());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GroundTruth.csv(Nb201Space.INSTANCE).write(p, archs, List.of(91.25)));
    assertTrue(e.getMessage().contains("2 architectures but 1 scores"), e.getMessage());
  }

  @Test
  void write_refusesWhatReadWouldRefuse() {
    Path p = dir.resolve("w.csv");
    IllegalArgumentException dup = assertThrows(IllegalArgumentException.class,
        () -> TRUTH.write(p, List.of(row(A, 90), row(B, 80), row(A, 90))));
    assertTrue(dup.getMessage().contains("line 4: architecture " + A
        + " duplicates the one on line 2"), dup.getMessage());
    IllegalArgumentException eq = assertThrows(IllegalArgumentException.class,
        () -> CLASSES.write(p, List.of(row(B, 80), row(B_EQUIV, 81))));
    assertTrue(eq.getMessage().contains("is equivalent to the one on line 2"), eq.getMessage());
    assertThrows(IllegalArgumentException.class, () -> row(A, 100.5));
    assertThrows(IllegalArgumentException.class, () -> row(A, Double.NaN));
    assertThrows(IllegalArgumentException.class,
        () -> TRUTH.write(p, List.of(Nb201Arch.parse(A)), List.of(Double.POSITIVE_INFINITY)));
    assertTrue(Files.notExists(p), "nothing written");
  }

  @Test
  void read_dropsALeadingBom_skipsBlankLines_stripsColumns() throws IOException {
    Path p = write("bom.csv", "\uFEFFarch,score ", "", A + " , 93.5", "  ", B + ",70");
    assertEquals(List.of(row(A, 93.5), row(B, 70)), TRUTH.read(p));
    assertEquals(List.of(), TRUTH.read(write("empty.csv", "arch,score")));
  }

  @Test
  void read_bomAnywhereButTheStart_isAnError() throws IOException {
    assertError(write("mid.csv", "arch,\uFEFFscore", A + ",90"), 1, "expected header");
    assertError(write("row.csv", "arch,score", "\uFEFF" + A + ",90"), 2, "bad arch");
  }

  @Test
  void read_refusesScoresThatAreNotPlainDecimalsInRange() throws IOException {
    for (String bad : List.of("90d", "0x1p6", "NaN", "Infinity", "+90", "9,0", "", "1_0")) {
      String fragment = bad.equals("9,0") ? "expected 2 comma-separated columns"
          : "score \"" + bad + "\" is not a decimal number";
      assertError(write("bad.csv", "arch,score", B + ",80", A + "," + bad), 3, fragment);
    }
    // Plain in form but not finite, or outside the percent range.
    for (String bad : List.of("1e400", "-0.5", "100.01", "1e3")) {
      assertError(write("range.csv", "arch,score", A + "," + bad), 2,
          "score " + bad + " is outside [0, 100]");
    }
    assertEquals(List.of(row(A, 95)), TRUTH.read(write("exp.csv", "arch,score", A + ",9.5e1")));
  }

  @Test
  void read_repeats_exactAlwaysEquivalentOnlyWhenAsked() throws IOException {
    Path dup = write("dup.csv", "arch,score", A + ",93", "", B + ",70", A + ",93");
    assertError(dup, TRUTH, 5, "architecture " + A + " duplicates the one on line 2",
        "expected each architecture at most once");
    assertError(dup, CLASSES, 5, "duplicates the one on line 2");
    Path eq = write("eq.csv", "arch,score", B + ",80", A + ",90", B_EQUIV + ",81");
    assertEquals(3, TRUTH.read(eq).size(), "a benchmark table holds equivalent cells");
    assertError(eq, CLASSES, 4, "architecture " + B_EQUIV + " is equivalent to the one on line 2",
        B + ", same canonical form", "expected each equivalence class");
  }

  @Test
  void read_headerAndColumnErrors_nameFileAndLine() throws IOException {
    assertError(write("h.csv", "arch,accuracy", A + ",90"), 1,
        "expected header \"arch,score\", got \"arch,accuracy\"");
    Files.write(dir.resolve("z.csv"), new byte[0]);
    assertError(dir.resolve("z.csv"), 1, "got an empty file");
    assertError(write("noheader.csv", A + ",90"), 1, "expected header");
    assertError(write("cols.csv", "arch,score", A + ",90", B + ",70,1"), 3,
        "expected 2 comma-separated columns (arch,score), got 3");
    assertError(write("one.csv", "arch,score", A), 2, "got 1");
    assertError(write("arch.csv", "arch,score", "|bad~0|,3"), 2, "bad arch: ");
  }

  @Test
  void read_missingFile_isUncheckedIo_namingTheFile() {
    Path absent = dir.resolve("absent.csv");
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> TRUTH.read(absent));
    assertTrue(e.getMessage().startsWith("cannot read test file " + absent), e.getMessage());
  }

  @Test
  void codec_needsANameAndARule() {
    assertThrows(IllegalArgumentException.class,
        () -> new ArchScoreCsv<>(" ", Distinct.ARCHITECTURES, Nb201Space.INSTANCE));
    assertThrows(NullPointerException.class, () -> new ArchScoreCsv<>("x", null,
        Nb201Space.INSTANCE));
  }

  private static void assertError(Path p, int line, String... fragments) {
    assertError(p, TRUTH, line, fragments);
  }

  private static void assertError(Path p, ArchScoreCsv<Nb201Arch> codec, int line,
      String... fragments) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> codec.read(p));
    String m = e.getMessage();
    assertTrue(m.startsWith("test file " + p + " line " + line + ": "), m);
    for (String f : fragments) {
      assertTrue(m.contains(f), "missing \"" + f + "\" in: " + m);
    }
  }
}

package org.landmarknas.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landmarknas.TestData;
import org.landmarknas.space.Nb201Arch;

final class Nb201TableTest {

  private static final String A0 =
      "|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|"
          + "+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|";
  private static final String A1 =
      "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|"
          + "+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|";
  private static final String A2 = "|none~0|+|none~0|none~1|+|skip_connect~0|none~1|none~2|";

  @TempDir
  Path dir;

  private Path write(String name, String... lines) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, List.of(lines), StandardCharsets.UTF_8);
    return p;
  }

  /** Loads {@code lines} and returns the error, checking it names the file and the line. */
  private IllegalArgumentException loadError(int line, String... lines) throws IOException {
    Path p = write("bad.csv", lines);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Nb201Table.load(p));
    assertTrue(e.getMessage().contains(p.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("line " + line + ":"), e.getMessage());
    return e;
  }

  private static void assertMentions(IllegalArgumentException e, String... fragments) {
    for (String f : fragments) {
      assertTrue(e.getMessage().contains(f),
          () -> "\"" + e.getMessage() + "\" lacks \"" + f + "\"");
    }
  }

  @Test
  void load_realTableAgreesBothWays() {
    Path path = TestData.nb201Table();
    Nb201Table t = Nb201Table.load(path);
    assertEquals(Nb201Arch.SPACE_SIZE, t.size());
    assertEquals(t.size(), t.rows().size());
    Set<Nb201Arch> archs = new HashSet<>();
    int indexDiffersFromCode = 0;
    for (int i = 0; i < t.size(); i++) {
      Nb201Table.Row r = t.rows().get(i);
      assertEquals(i, r.index(), "rows ascend by index and cover 0..15624");
      assertEquals(Optional.of(r.arch()), t.arch(r.index()));
      assertEquals(OptionalInt.of(r.index()), t.indexOf(r.arch()));
      assertEquals(Optional.of(r), t.row(r.arch()));
      assertEquals(Optional.of(r), t.rowAt(r.index()));
      archs.add(r.arch());
      if (r.index() != r.arch().code()) {
        indexDiffersFromCode++;
      }
    }
    assertEquals(Nb201Arch.SPACE_SIZE, archs.size());
    assertTrue(indexDiffersFromCode > 15_000, "benchmark index is not Nb201Arch.code()");
    Nb201Table.Row first = t.rows().get(0);
    assertEquals(A0, first.arch().toString());
    assertEquals(81.9827, first.validAccuracy(), 0.0);
    assertEquals(81.52, first.testAccuracy(), 0.0);
    assertEquals(Optional.empty(), t.arch(Nb201Arch.SPACE_SIZE));
    assertEquals(Optional.empty(), t.arch(-1));
  }

  @Test
  void load_smallTableLooksUpBothWays() throws IOException {
    Nb201Table t = Nb201Table.load(write("ok.csv", Nb201Table.HEADER,
        "7," + A1 + ",90.5,90.25", "3," + A0 + ",81.9827,81.5200", "12," + A2 + ",0,100"));
    assertEquals(3, t.size());
    assertEquals(List.of(3, 7, 12), t.rows().stream().map(Nb201Table.Row::index).toList());
    assertEquals(OptionalInt.of(7), t.indexOf(Nb201Arch.parse(A1)));
    assertEquals(Optional.of(Nb201Arch.parse(A0)), t.arch(3));
    assertEquals(90.25, t.row(Nb201Arch.parse(A1)).orElseThrow().testAccuracy(), 0.0);
    assertEquals(100.0, t.rowAt(12).orElseThrow().testAccuracy(), 0.0);
    assertFalse(t.arch(4).isPresent());
    assertFalse(t.indexOf(Nb201Arch.ofCode(0)).isPresent());
    assertFalse(t.row(Nb201Arch.ofCode(0)).isPresent());
    assertThrows(UnsupportedOperationException.class, () -> t.rows().remove(0));
  }

  @Test
  void load_headerOnlyIsAnEmptyTable() throws IOException {
    Nb201Table t = Nb201Table.load(write("empty.csv", Nb201Table.HEADER));
    assertEquals(0, t.size());
    assertFalse(t.arch(0).isPresent());
  }

  @Test
  void load_wrongHeaderNamesLineOne() throws IOException {
    assertMentions(loadError(1, "index,arch,valid,test", "0," + A0 + ",1,2"),
        "expected header \"" + Nb201Table.HEADER + "\"", "\"index,arch,valid,test\"");
  }

  @Test
  void load_emptyFileNamesLineOne() throws IOException {
    Path p = dir.resolve("nothing.csv");
    Files.writeString(p, "");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Nb201Table.load(p));
    assertMentions(e, p.toString(), "line 1:", "an empty file");
  }

  @Test
  void load_wrongColumnCountNamesTheLine() throws IOException {
    assertMentions(loadError(3, Nb201Table.HEADER, "0," + A0 + ",1,2", "1," + A1 + ",1"),
        "expected 4 comma-separated columns", "got 3");
    assertMentions(loadError(2, Nb201Table.HEADER, ""), "got 1");
  }

  @Test
  void load_badNumbersNameTheColumn() throws IOException {
    assertMentions(loadError(2, Nb201Table.HEADER, "x," + A0 + ",1,2"), "column index \"x\"");
    assertMentions(loadError(2, Nb201Table.HEADER, "-1," + A0 + ",1,2"), "column index \"-1\"");
    assertMentions(loadError(2, Nb201Table.HEADER, "99999999999," + A0 + ",1,2"),
        "\"99999999999\" is too large");
    assertMentions(loadError(3, Nb201Table.HEADER, "0," + A0 + ",1,2", "1," + A1 + ",abc,2"),
        "column valid_accuracy \"abc\" is not a number");
    assertMentions(loadError(2, Nb201Table.HEADER, "0," + A0 + ",1,NaN"),
        "column test_accuracy \"NaN\" is not a number");
    assertMentions(loadError(2, Nb201Table.HEADER, "0," + A0 + ",1, 2"),
        "column test_accuracy \" 2\"");
  }

  @Test
  void load_accuracyOutsidePercentRangeNamesTheLine() throws IOException {
    assertMentions(loadError(2, Nb201Table.HEADER, "0," + A0 + ",100.5,2"),
        "column valid_accuracy 100.5 is outside [0, 100]");
    assertMentions(loadError(2, Nb201Table.HEADER, "0," + A0 + ",50,-0.1"),
        "column test_accuracy -0.1 is outside [0, 100]");
  }

  @Test
  void load_badArchStringIncludesTheParserMessage() throws IOException {
    String bad = A0.replace("avg_pool_3x3", "max_pool_3x3");
    IllegalArgumentException e = loadError(3, Nb201Table.HEADER, "0," + A1 + ",1,2",
        "1," + bad + ",1,2");
    assertMentions(e, "bad arch_str", "unknown op \"max_pool_3x3\"");
  }

  @Test
  void load_duplicatesNameBothLines() throws IOException {
    assertMentions(loadError(4, Nb201Table.HEADER, "0," + A0 + ",1,2", "1," + A1 + ",1,2",
        "0," + A2 + ",1,2"), "index 0 already appears on line 2");
    assertMentions(loadError(4, Nb201Table.HEADER, "0," + A0 + ",1,2", "1," + A1 + ",1,2",
        "2," + A1 + ",1,2"), "architecture " + A1 + " already appears on line 3");
  }

  @Test
  void load_missingFileIsAnIoError() {
    Path p = dir.resolve("absent.csv");
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Nb201Table.load(p));
    assertTrue(e.getMessage().contains(p.toString()), e.getMessage());
  }

  @Test
  void of_rejectsDuplicatesAndSortsByIndex() {
    Nb201Table.Row r0 = new Nb201Table.Row(5, Nb201Arch.parse(A0), 10, 20);
    Nb201Table.Row r1 = new Nb201Table.Row(2, Nb201Arch.parse(A1), 30, 40);
    Nb201Table t = Nb201Table.of(List.of(r0, r1));
    assertEquals(List.of(r1, r0), t.rows());
    assertThrows(IllegalArgumentException.class, () -> Nb201Table.of(
        List.of(r0, new Nb201Table.Row(5, Nb201Arch.parse(A2), 1, 1))));
    assertThrows(IllegalArgumentException.class, () -> Nb201Table.of(
        List.of(r0, new Nb201Table.Row(6, Nb201Arch.parse(A0), 1, 1))));
  }

  @Test
  void row_validatesItsFields() {
    Nb201Arch a = Nb201Arch.parse(A0);
    assertThrows(IllegalArgumentException.class, () -> new Nb201Table.Row(-1, a, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new Nb201Table.Row(0, a, Double.NaN, 1));
    assertThrows(IllegalArgumentException.class, () -> new Nb201Table.Row(0, a, 1, 100.01));
    assertThrows(NullPointerException.class, () -> new Nb201Table.Row(0, null, 1, 1));
  }
}

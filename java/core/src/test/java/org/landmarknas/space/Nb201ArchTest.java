package org.landmarknas.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.landmarknas.TestData;

final class Nb201ArchTest {

  @Test
  void parseFormat_allTableRowsRoundTripByteForByte() throws IOException {
    Path table = TestData.nb201Table();
    List<String> lines = Files.readAllLines(table, StandardCharsets.UTF_8);
    Set<Integer> codes = new HashSet<>();
    for (String line : lines.subList(1, lines.size())) {
      String s = line.split(",", -1)[1];
      Nb201Arch a = Nb201Arch.parse(s);
      assertEquals(s, a.toString());
      codes.add(a.code());
    }
    assertEquals(Nb201Arch.SPACE_SIZE, lines.size() - 1);
    assertEquals(Nb201Arch.SPACE_SIZE, codes.size(), "the table covers every architecture once");
  }

  @Test
  void stringCodeRoundTrip_allCodes() {
    Set<String> strings = new HashSet<>();
    for (int c = 0; c < Nb201Arch.SPACE_SIZE; c++) {
      Nb201Arch a = Nb201Arch.ofCode(c);
      String s = a.toString();
      Nb201Arch parsed = Nb201Arch.parse(s);
      assertEquals(a, parsed);
      assertEquals(c, parsed.code());
      assertEquals(s, Nb201Arch.ofCode(parsed.code()).toString());
      assertEquals(a, Nb201Arch.ofIndices(a.opIndices()));
      strings.add(s);
    }
    assertEquals(Nb201Arch.SPACE_SIZE, strings.size());
  }

  @Test
  void code_edgeZeroIsMostSignificant() {
    assertEquals(0, Nb201Arch.ofIndices(0, 0, 0, 0, 0, 0).code());
    assertEquals(3125, Nb201Arch.ofIndices(1, 0, 0, 0, 0, 0).code());
    assertEquals(4, Nb201Arch.ofIndices(0, 0, 0, 0, 0, 4).code());
    assertEquals(Nb201Arch.SPACE_SIZE - 1, Nb201Arch.ofIndices(4, 4, 4, 4, 4, 4).code());
  }

  static Stream<Arguments> malformed() {
    // input, then a fragment the message must contain
    return Stream.of(
        Arguments.of("", "expected 3 node groups"),
        Arguments.of("|none~0|+|none~0|none~1|", "expected 3 node groups"),
        Arguments.of("|none~0|+|none~0|none~1|+|none~0|none~1|none~2|+|none~0|",
            "expected 3 node groups"),
        Arguments.of("|conv_3x3~0|+|none~0|none~1|+|none~0|none~1|none~2|",
            "unknown op \"conv_3x3\""),
        Arguments.of("|NONE~0|+|none~0|none~1|+|none~0|none~1|none~2|", "unknown op \"NONE\""),
        Arguments.of("|none~1|+|none~0|none~1|+|none~0|none~1|none~2|",
            "token \"none~1\" has source \"1\", expected 0"),
        Arguments.of("|none0|+|none~0|none~1|+|none~0|none~1|none~2|",
            "token \"none0\" lacks '~source'"),
        Arguments.of("none~0|+|none~0|none~1|+|none~0|none~1|none~2|",
            "\"none~0|\" must start and end with '|'"),
        Arguments.of("|none~0|+|none~0|+|none~0|none~1|none~2|", "node 2 needs 2 inputs, got 1"),
        Arguments.of("|none~0|+|none~0|none~1|+|none~0|none~1|none~2|none~3|",
            "node 3 needs 3 inputs, got 4"));
  }

  @ParameterizedTest
  @MethodSource("malformed")
  void parse_malformedStringNamesTheProblem(String input, String expected) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Nb201Arch.parse(input));
    assertTrue(e.getMessage().contains(expected),
        () -> "message \"" + e.getMessage() + "\" lacks \"" + expected + "\"");
  }

  @Test
  void parse_unknownOpListsTheAllowedOps() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Nb201Arch.parse("|max_pool~0|+|none~0|none~1|+|none~0|none~1|none~2|"));
    assertTrue(e.getMessage().contains(Nb201Op.allowedIds()), e.getMessage());
  }

  @Test
  void parse_nullIsRejectedWithAMessage() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Nb201Arch.parse(null));
    assertTrue(e.getMessage().contains("null"), e.getMessage());
  }

  @Test
  void ofCode_outOfRangeIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> Nb201Arch.ofCode(-1));
    assertThrows(IllegalArgumentException.class, () -> Nb201Arch.ofCode(Nb201Arch.SPACE_SIZE));
  }
}

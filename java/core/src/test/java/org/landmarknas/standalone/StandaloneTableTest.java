package org.landmarknas.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;
import org.landmarknas.space.TinySpace;

final class StandaloneTableTest {
  private static final StandaloneProtocol PROTOCOL =
      StandaloneProtocol.fashionMnist(8, 6).withTrainLimit(15000);
  private static final Nb201Arch ARCH = Nb201Arch.parse("|avg_pool_3x3~0|+|avg_pool_3x3~0|"
      + "avg_pool_3x3~1|+|avg_pool_3x3~0|nor_conv_1x1~1|nor_conv_1x1~2|");
  /** The first row of the committed benchmarks/data/nb201-fmnist-c8n1-e6-n15000.csv. */
  private static final String COMMITTED_ROW = ARCH + ",fmnist-c8n1-e6-n15000,0,85.5600,0.39273,"
      + "84.1100,0.41964,21506,1762752,112.9";

  @TempDir Path dir;

  private static String written(StandaloneTable<Nb201Arch> table) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    table.write(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void readThenWrite_reproducesTheCommittedRowByteForByte() throws Exception {
    String text = StandaloneTable.CSV_HEADER + System.lineSeparator() + COMMITTED_ROW
        + System.lineSeparator();
    Path file = Files.writeString(dir.resolve("t.csv"), text + "\n");
    StandaloneTable<Nb201Arch> table = StandaloneTable.read(file, PROTOCOL, Nb201Space.INSTANCE);
    StandaloneResult<Nb201Arch> r = table.results().get(0);
    assertEquals(new StandaloneResult<>(ARCH, PROTOCOL.name(), 0, 4278.0 / 5000, 0.39273,
        8411.0 / 10_000, 0.41964, 21506, 112.9), r);
    assertEquals(text, written(table));
  }

  @Test
  void read_namesFileLineAndColumn() throws Exception {
    Path file = dir.resolve("t.csv");
    Files.writeString(file, StandaloneTable.CSV_HEADER + "\n" + COMMITTED_ROW + "\n"
        + COMMITTED_ROW.replace("85.5600", "x") + "\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> StandaloneTable.read(file, PROTOCOL, Nb201Space.INSTANCE));
    assertEquals(file + ":3: valid_accuracy \"x\" is not a number", e.getMessage());

    Files.writeString(file, StandaloneTable.CSV_HEADER + "\n" + COMMITTED_ROW + ",1\n");
    e = assertThrows(IllegalArgumentException.class,
        () -> StandaloneTable.read(file, PROTOCOL, Nb201Space.INSTANCE));
    assertEquals(file + ":2: expected 10 fields, got 11", e.getMessage());

    Files.writeString(file, StandaloneTable.CSV_HEADER + "\n" + COMMITTED_ROW + "\n");
    e = assertThrows(IllegalArgumentException.class,
        () -> StandaloneTable.read(file, StandaloneProtocol.fashionMnist(8, 6),
            Nb201Space.INSTANCE));
    assertEquals(file + ":2: protocol fmnist-c8n1-e6-n15000 is not fmnist-c8n1-e6 (pass the"
        + " options that name the table's protocol: --channels, --epochs, --train-limit,"
        + " --test-limit, --valid-images)", e.getMessage());

    Files.writeString(file, "");
    e = assertThrows(IllegalArgumentException.class,
        () -> StandaloneTable.read(file, PROTOCOL, Nb201Space.INSTANCE));
    assertEquals(file + ":1: expected the header " + StandaloneTable.CSV_HEADER
        + ", found an empty file", e.getMessage());
  }

  @Test
  void write_emptyTable_isTheHeaderAlone() {
    assertEquals(StandaloneTable.CSV_HEADER + System.lineSeparator(),
        written(new StandaloneTable<>(PROTOCOL, Nb201Space.INSTANCE, List.of())));
  }

  /** A table is read and written only by its protocol's space: a mix-up fails before any row. */
  @Test
  void anotherSpaceThanTheProtocols_isRefused_namingBoth() throws Exception {
    Path file = Files.writeString(dir.resolve("t.csv"), StandaloneTable.CSV_HEADER + "\n"
        + COMMITTED_ROW + "\n");
    TinySpace tiny = new TinySpace("tiny");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> StandaloneTable.read(file, PROTOCOL, tiny));
    assertEquals("stand-alone protocol fmnist-c8n1-e6-n15000 trains cells of nb201"
        + " (nas-bench-201), not of tiny", e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new StandaloneTable<>(PROTOCOL, tiny, List.of()));
  }
}

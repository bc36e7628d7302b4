package org.landmarknas.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class MetricsLogTest {

  @TempDir
  Path tmp;

  private static Map<String, Object> record(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void appendThenRead_roundTripsValuesAndKeyOrder() {
    Path file = tmp.resolve("metrics.jsonl");
    Map<String, Object> first = record("zeta", 1, "alpha", 2.5, "arch", "|none~0|+|...|",
        "ok", true, "note", "two\nlines");
    Map<String, Object> second = record("epoch", 2, "loss", 0.125, "nested", record("b", 1, "a",
        List.of(1, 2)));
    try (MetricsLog log = MetricsLog.open(file)) {
      log.append(first);
      log.append(second);
    }
    List<Map<String, Object>> back = MetricsLog.read(file);
    assertEquals(List.of(first, second), back);
    assertEquals(List.of("zeta", "alpha", "arch", "ok", "note"),
        List.copyOf(back.get(0).keySet()));
    assertEquals(List.of("b", "a"),
        List.copyOf(((Map<?, ?>) back.get(1).get("nested")).keySet()));
  }

  @Test
  void append_writesOneCompleteLinePerRecordImmediately() throws IOException {
    Path file = tmp.resolve("m.jsonl");
    try (MetricsLog log = MetricsLog.open(file)) {
      log.append(record("a", 1));
      // visible to another reader before close: nothing is buffered
      assertEquals("{\"a\":1}\n", Files.readString(file));
      log.append(record("b", "x\ny"));
      List<String> lines = Files.readAllLines(file);
      assertEquals(2, lines.size());
    }
  }

  @Test
  void open_existingLog_appends() {
    Path file = tmp.resolve("m.jsonl");
    try (MetricsLog log = MetricsLog.open(file)) {
      log.append(record("step", 1));
    }
    try (MetricsLog log = MetricsLog.open(file)) {
      log.append(record("step", 2));
    }
    assertEquals(List.of(record("step", 1), record("step", 2)), MetricsLog.read(file));
  }

  @Test
  void tornLastLine_isSkippedByReadAndCutByOpen() throws IOException {
    Path file = tmp.resolve("m.jsonl");
    Files.writeString(file, "{\"step\":1}\n{\"step\":2,\"lo", StandardCharsets.UTF_8);
    assertEquals(List.of(record("step", 1)), MetricsLog.read(file));
    try (MetricsLog log = MetricsLog.open(file)) {
      log.append(record("step", 3));
    }
    assertEquals("{\"step\":1}\n{\"step\":3}\n", Files.readString(file));
  }

  @Test
  void tornOnlyLine_isCutToEmpty() throws IOException {
    Path file = tmp.resolve("m.jsonl");
    Files.writeString(file, "{\"st", StandardCharsets.UTF_8);
    try (MetricsLog log = MetricsLog.open(file)) {
      log.append(record("step", 1));
    }
    assertEquals(List.of(record("step", 1)), MetricsLog.read(file));
  }

  @Test
  void read_badCompleteLine_namesFileAndLine() throws IOException {
    Path file = tmp.resolve("m.jsonl");
    Files.writeString(file, "{\"a\":1}\nnot json\n{\"a\":2}\n", StandardCharsets.UTF_8);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MetricsLog.read(file));
    assertTrue(e.getMessage().startsWith(file + ":2:"), e.getMessage());
    for (String bad : List.of("[1, 2]\n{}\n", "null\n{}\n")) {
      Files.writeString(file, bad, StandardCharsets.UTF_8);
      assertThrows(IllegalArgumentException.class, () -> MetricsLog.read(file), bad);
    }
  }

  @Test
  void read_blankLinesAreIgnored() throws IOException {
    Path file = tmp.resolve("m.jsonl");
    Files.writeString(file, "{\"a\":1}\n\n{\"a\":2}\n", StandardOpenOption.CREATE);
    assertEquals(2, MetricsLog.read(file).size());
  }

  @Test
  void append_afterClose_isAnError_closeTwiceIsHarmless() {
    MetricsLog log = MetricsLog.open(tmp.resolve("m.jsonl"));
    log.close();
    log.close();
    assertThrows(IllegalStateException.class, () -> log.append(record("a", 1)));
  }

  @Test
  void nonFiniteDoubles_areWrittenAsStrings() {
    Path file = tmp.resolve("m.jsonl");
    try (MetricsLog log = MetricsLog.open(file)) {
      log.append(record("loss", Double.NaN));
    }
    assertEquals("NaN", MetricsLog.read(file).get(0).get("loss"));
  }
}

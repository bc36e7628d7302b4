package org.landmarknas.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class RunDirectoryTest {

  @TempDir
  Path tmp;

  @Test
  void create_makesParentsAndNamesTheFiles() {
    Path p = tmp.resolve("runs/a/b");
    RunDirectory dir = RunDirectory.create(p);
    assertTrue(Files.isDirectory(p));
    assertEquals(p, dir.path());
    assertEquals(p.resolve("config.yaml"), dir.configFile());
    assertEquals(p.resolve("metrics.jsonl"), dir.metricsFile());
    assertEquals(p.resolve("result.json"), dir.resultFile());
    assertEquals(List.of(), list(p), "the write probe is gone");
  }

  @Test
  void create_acceptsAnExistingEmptyDirectory_rejectsANonEmptyOne() throws IOException {
    Path p = Files.createDirectory(tmp.resolve("empty"));
    RunDirectory.create(p).writeConfig("name: x\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RunDirectory.create(p));
    assertTrue(e.getMessage().contains(p.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("not empty"), e.getMessage());
  }

  @Test
  void create_directoryWithOnlyAKilledCreatorsLeftovers_isCreatedAgain() throws IOException {
    Path p = Files.createDirectory(tmp.resolve("killed"));
    Files.writeString(p.resolve(".config.yaml.4242.1.tmp"), "name: half");
    Files.write(p.resolve(".lmnas-write-probe-4242"), new byte[] {1});
    RunDirectory.create(p).writeConfig("name: x\n");
    try (var left = Files.list(p)) {
      assertEquals(List.of("config.yaml"), left.map(f -> f.getFileName().toString()).toList());
    }
    Path other = Files.createDirectory(tmp.resolve("other"));
    Files.writeString(other.resolve(".notes.tmp.txt"), "mine");
    assertThrows(IllegalArgumentException.class, () -> RunDirectory.create(other),
        "only our own leftovers are cleared");
  }

  @Test
  void create_underARegularFile_failsNamingThePath() throws IOException {
    Path file = Files.writeString(tmp.resolve("file"), "x");
    Path p = file.resolve("run");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RunDirectory.create(p));
    assertTrue(e.getMessage().contains(p.toString()), e.getMessage());
    assertTrue(e.getMessage().startsWith("cannot create run directory"), e.getMessage());
  }

  @Test
  void create_readOnlyDirectory_failsNamingThePath() throws IOException {
    Path p = Files.createDirectory(tmp.resolve("ro"));
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      assumeFalse(canWriteInto(p), "this user (root?) can write into a read-only directory");
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> RunDirectory.create(p));
      assertTrue(e.getMessage().contains(p.toString()), e.getMessage());
      assertTrue(e.getMessage().contains("not writable"), e.getMessage());
      IllegalArgumentException sub = assertThrows(IllegalArgumentException.class,
          () -> RunDirectory.create(p.resolve("child")));
      assertTrue(sub.getMessage().contains(p.resolve("child").toString()), sub.getMessage());
    } finally {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void writeConfigAndResult_writeCompleteFilesAndLeaveNoTemporaries() throws IOException {
    RunDirectory dir = RunDirectory.create(tmp.resolve("run"));
    dir.writeConfig("name: x\nseed: 1\n");
    assertEquals("name: x\nseed: 1\n", Files.readString(dir.configFile()));

    Map<String, Object> result = new LinkedHashMap<>();
    result.put("z", 1);
    result.put("a", List.of("x", "y"));
    dir.writeResult(result);
    String first = Files.readString(dir.resultFile());
    assertTrue(first.indexOf("\"z\"") < first.indexOf("\"a\""), "insertion order: " + first);
    assertTrue(first.endsWith("\n"));

    dir.writeResult(Map.of("best", 93.5)); // replaces the whole file
    assertEquals("{\n  \"best\" : 93.5\n}\n", Files.readString(dir.resultFile()));
    assertEquals(List.of("config.yaml", "result.json"), list(dir.path()));
  }

  @Test
  void openMetrics_appendsToTheMetricsFile() {
    RunDirectory dir = RunDirectory.create(tmp.resolve("run"));
    try (MetricsLog log = dir.openMetrics()) {
      log.append(Map.of("epoch", 1));
    }
    assertEquals(List.of(Map.of("epoch", 1)), MetricsLog.read(dir.metricsFile()));
  }

  @Test
  void open_requiresAnExistingDirectory() throws IOException {
    Path p = Files.createDirectory(tmp.resolve("old"));
    Files.writeString(p.resolve("config.yaml"), "x");
    assertEquals(p.resolve("config.yaml"), RunDirectory.open(p).configFile());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RunDirectory.open(tmp.resolve("missing")));
    assertTrue(e.getMessage().contains("missing"), e.getMessage());
  }

  private static boolean canWriteInto(Path dir) {
    Path probe = dir.resolve("probe");
    try {
      Files.writeString(probe, "x");
      Files.delete(probe);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static List<String> list(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

package org.landmarknas.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class AtomicFileTest {
  @TempDir Path dir;

  @Test
  void write_replacesTheContent_leavesNoTemporaryFile() throws IOException {
    Path f = dir.resolve("a.txt");
    AtomicFile.write(f, "old".getBytes());
    AtomicFile.write(f, tmp -> Files.writeString(tmp, "new"));
    assertEquals("new", Files.readString(f));
    assertEquals(List.of("a.txt"), names());
  }

  @Test
  void write_writerFails_oldContentIntact_temporaryFileRemoved() throws IOException {
    Path f = dir.resolve("a.txt");
    AtomicFile.write(f, "old".getBytes());
    assertThrows(IOException.class, () -> AtomicFile.write(f, tmp -> {
      Files.writeString(tmp, "half");
      throw new IOException("disk full");
    }));
    assertEquals("old", Files.readString(f));
    assertEquals(List.of("a.txt"), names());
  }

  private List<String> names() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}

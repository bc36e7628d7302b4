package org.landmarknas.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class CheckpointsTest {

  @TempDir
  Path run;

  private static Checkpoints.Content twoFiles(int epoch) {
    return dir -> {
      Files.writeString(dir.resolve("weights.bin"), "w".repeat(1000 + epoch));
      Files.writeString(dir.resolve("state.json"), "{\"epoch\": " + epoch + "}");
    };
  }

  @Test
  void write_thenLatestValid_returnsNewestWithItsFiles() throws IOException {
    Checkpoints cp = new Checkpoints(run, 3);
    cp.write(1, twoFiles(1));
    Checkpoints.Checkpoint c = cp.write(2, twoFiles(2));

    Optional<Checkpoints.Checkpoint> latest = cp.latestValid(w -> {
      throw new AssertionError(w);
    });
    assertEquals(Optional.of(c), latest);
    assertEquals(2, latest.get().epoch());
    assertEquals("{\"epoch\": 2}", Files.readString(latest.get().file("state.json")));
    assertTrue(Files.isRegularFile(latest.get().file(Checkpoints.MANIFEST)));
  }

  @Test
  void write_keepsOnlyTheNewest() {
    Checkpoints cp = new Checkpoints(run, 2);
    for (int e = 1; e <= 5; e++) {
      cp.write(e, twoFiles(e));
    }
    assertEquals(List.of(5, 4), cp.listNewestFirst().stream().map(Checkpoints.Checkpoint::epoch)
        .toList());
  }

  @Test
  void write_afterResumingBeforeADamagedCheckpoint_keepsTheNewOne_dropsTheDamaged()
      throws IOException {
    Checkpoints cp = new Checkpoints(run, 1);
    Checkpoints.Checkpoint damaged = cp.write(5, twoFiles(5));
    Files.writeString(damaged.file("weights.bin"), "garbage");
    assertEquals(Optional.empty(), cp.latestValid(w -> { }), "the run restarts from scratch");

    cp.write(1, twoFiles(1));

    assertEquals(List.of(1), cp.listNewestFirst().stream().map(Checkpoints.Checkpoint::epoch)
        .toList(), "epoch 1 is the run's only good checkpoint; epoch 5 is from the old history");
  }

  @Test
  void latestValid_truncatedNewest_fallsBackToThePreviousAndSaysWhy() throws IOException {
    Checkpoints cp = new Checkpoints(run, 3);
    cp.write(1, twoFiles(1));
    Checkpoints.Checkpoint newest = cp.write(2, twoFiles(2));
    try (FileChannel ch = FileChannel.open(newest.file("weights.bin"),
        StandardOpenOption.WRITE)) {
      ch.truncate(100);
    }
    List<String> warnings = new ArrayList<>();

    Optional<Checkpoints.Checkpoint> latest = cp.latestValid(warnings::add);

    assertEquals(1, latest.get().epoch());
    assertEquals(1, warnings.size());
    assertTrue(warnings.get(0).contains("weights.bin has 100 bytes, the manifest says 1002"),
        warnings.get(0));
  }

  @Test
  void latestValid_sameSizeCorruption_caughtByTheHash() throws IOException {
    Checkpoints cp = new Checkpoints(run, 3);
    cp.write(1, twoFiles(1));
    Checkpoints.Checkpoint newest = cp.write(2, twoFiles(2));
    Files.writeString(newest.file("weights.bin"), "x" + "w".repeat(1001));
    List<String> warnings = new ArrayList<>();

    assertEquals(1, cp.latestValid(warnings::add).get().epoch());
    assertTrue(warnings.get(0).contains("does not match its SHA-256"), warnings.get(0));
  }

  @Test
  void latestValid_missingOrGarbledManifest_skipped() throws IOException {
    Checkpoints cp = new Checkpoints(run, 4);
    cp.write(1, twoFiles(1));
    Files.delete(cp.write(2, twoFiles(2)).file(Checkpoints.MANIFEST));
    Files.writeString(cp.write(3, twoFiles(3)).file(Checkpoints.MANIFEST), "{\"files\": [");
    List<String> warnings = new ArrayList<>();

    assertEquals(1, cp.latestValid(warnings::add).get().epoch());
    assertEquals(2, warnings.size());
  }

  @Test
  void latestValid_noCheckpoints_empty() {
    assertEquals(Optional.empty(), new Checkpoints(run, 1).latestValid(w -> {}));
  }

  @Test
  void write_contentFails_previousIntactAndNoTemporaryLeft() throws IOException {
    Checkpoints cp = new Checkpoints(run, 3);
    cp.write(1, twoFiles(1));

    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> cp.write(2, dir -> {
      Files.writeString(dir.resolve("weights.bin"), "partial");
      throw new IOException("No space left on device");
    }));

    assertTrue(e.getMessage().contains("cannot write the checkpoint of epoch 2")
        && e.getMessage().contains("No space left on device"), e.getMessage());
    assertEquals(1, cp.latestValid(w -> {
      throw new AssertionError(w);
    }).get().epoch());
    try (Stream<Path> left = Files.list(cp.root())) {
      assertEquals(List.of("epoch-0001"), left.map(p -> p.getFileName().toString()).toList());
    }
  }

  @Test
  void write_unwritableDirectory_failsNamingTheCheckpoint() throws IOException {
    Checkpoints cp = new Checkpoints(run, 2);
    cp.write(1, twoFiles(1));
    assertTrue(cp.root().toFile().setWritable(false));
    try {
      org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(cp.root()),
          "running as root: permissions do not apply, nothing to check");
      UncheckedIOException e = assertThrows(UncheckedIOException.class,
          () -> cp.write(2, twoFiles(2)));
      assertTrue(e.getMessage().contains("epoch-0002"), e.getMessage());
    } finally {
      cp.root().toFile().setWritable(true);
    }
    assertEquals(1, cp.latestValid(w -> {}).get().epoch());
  }

  @Test
  void write_sameEpochAgain_replaces() throws IOException {
    Checkpoints cp = new Checkpoints(run, 2);
    cp.write(3, twoFiles(3));
    cp.write(3, dir -> Files.writeString(dir.resolve("state.json"), "again"));
    Checkpoints.Checkpoint c = cp.latestValid(w -> {
      throw new AssertionError(w);
    }).get();
    assertEquals("again", Files.readString(c.file("state.json")));
    assertFalse(Files.exists(c.file("weights.bin")));
  }

  @Test
  void constructor_keepBelowOne_rejected() {
    assertThrows(IllegalArgumentException.class, () -> new Checkpoints(run, 0));
  }

  @Test
  void requireFreeSpace_moreThanTheDiskHas_failsNamingTheSizes() {
    RunDirectory dir = RunDirectory.open(run);
    dir.requireFreeSpace(1, "a byte");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> dir.requireFreeSpace(Long.MAX_VALUE / 2, "2 checkpoints and the weights"));
    assertTrue(e.getMessage().contains("MB free; 2 checkpoints and the weights need about"),
        e.getMessage());
  }
}

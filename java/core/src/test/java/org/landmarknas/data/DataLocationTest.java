package org.landmarknas.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class DataLocationTest {
  private static DataLocation withEnv(Map<String, String> env) {
    return new DataLocation(env::get);
  }

  @Test
  void resolve_explicitDir_winsOverEnvironment() {
    DataLocation loc = withEnv(Map.of("LMNAS_DATA_DIR", "/from/env"));
    assertEquals(Path.of("/explicit"),
        loc.resolve("fashion-mnist", Optional.of(Path.of("/explicit"))));
  }

  @Test
  void resolve_environment_winsOverDefault() {
    DataLocation loc = withEnv(Map.of("LMNAS_DATA_DIR", "/from/env"));
    assertEquals(Path.of("/from/env"), loc.resolve("fashion-mnist", Optional.empty()));
    assertEquals(Path.of("/from/env"), loc.resolve("cifar10", Optional.empty()));
  }

  @Test
  void resolve_fashionMnistWithNothingGiven_debianDefault() {
    assertEquals(Path.of("/usr/share/datasets/fashion-mnist"),
        withEnv(Map.of()).resolve("fashion-mnist", Optional.empty()));
  }

  @Test
  void resolve_blankEnvironment_ignored() {
    assertEquals(DataLocation.FASHION_MNIST_DEFAULT_DIR,
        withEnv(Map.of("LMNAS_DATA_DIR", "  ")).resolve("fashion-mnist", Optional.empty()));
  }

  @Test
  void resolve_cifarWithNothingGiven_explainsOptions() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> withEnv(Map.of()).resolve("cifar10", Optional.empty()));
    assertTrue(e.getMessage().contains("--data-dir"), e.getMessage());
    assertTrue(e.getMessage().contains("LMNAS_DATA_DIR"), e.getMessage());
  }

  @Test
  void resolve_unknownDataset_listsAllowedNames() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> withEnv(Map.of()).resolve("mnist", Optional.empty()));
    assertTrue(e.getMessage().contains("\"mnist\""), e.getMessage());
    assertTrue(e.getMessage().contains("fashion-mnist, cifar10"), e.getMessage());
  }

  @Test
  void readerFor_knownNames_matchingReaders() {
    assertInstanceOf(FashionMnistReader.class, DataLocation.readerFor("fashion-mnist"));
    assertInstanceOf(Cifar10BinaryReader.class, DataLocation.readerFor("cifar10"));
  }

  @Test
  void readerFor_unknownName_listsAllowedNames() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DataLocation.readerFor("CIFAR-10"));
    assertTrue(e.getMessage().contains("fashion-mnist, cifar10"), e.getMessage());
  }

  @Test
  void load_environmentPointsAtData_readsIt(@TempDir Path dir) {
    IdxFixtures.writeDataset(dir, 4, 3, 2, 2);
    ImageDataset ds = withEnv(Map.of("LMNAS_DATA_DIR", dir.toString()))
        .load("fashion-mnist", Optional.empty());
    assertEquals(4, ds.train().count());
    assertEquals(3, ds.test().count());
  }

  @Test
  void ensurePresent_missingExplicitDir_installsNothingAndTheReaderSaysWhatToDo(
      @TempDir Path dir) {
    // Only the default location is installed into: a --data-dir that names the wrong place is
    // the user's to fix, even for a locator that installs packages.
    Path missing = dir.resolve("nowhere");
    DataLocation loc = new DataLocation(Map.<String, String>of()::get, true);
    assertEquals(missing, loc.ensurePresent("fashion-mnist", Optional.of(missing)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> loc.load("fashion-mnist", Optional.of(missing)));
    assertTrue(e.getMessage().contains(missing + " does not exist"), e.getMessage());
    assertTrue(e.getMessage().contains("dataset-fashion-mnist"), e.getMessage());
  }

  @Test
  void debianPackage_onlyFashionMnistHasOne() {
    assertEquals(Optional.of(new DebianDataPackage("fashion-mnist", "dataset-fashion-mnist")),
        DebianDataPackage.of("fashion-mnist"));
    assertEquals(Optional.empty(), DebianDataPackage.of("cifar10"));
  }
}

package org.landmarknas.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code search.policy} and the {@code search.gdas-*} keys: the shipped configs, every error. */
final class GdasConfigTest {
  @TempDir Path tmp;

  private Path write(String text) throws IOException {
    Path file = tmp.resolve("g.yaml");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private static Path configs() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("configs")) && Files.exists(p.resolve("pom.xml"))) {
        return p.resolve("configs");
      }
    }
    throw new IllegalStateException("no configs/ above the working directory");
  }

  @Test
  void shippedGdasConfigs_differOnlyInLandmarks() {
    RunConfig gdas = RunConfigLoader.load(configs().resolve("nb201-fmnist-gdas.yaml"), List.of());
    RunConfig marks = RunConfigLoader.load(configs().resolve("nb201-fmnist-gdas-landmarks.yaml"),
        List.of());
    RunConfig spos = RunConfigLoader.load(configs().resolve("fmnist-mini-spos.yaml"), List.of());
    assertEquals("gdas", gdas.search().policy());
    assertEquals(6, gdas.search().gdasWarmup());
    assertEquals(gdas.search(), marks.search());
    assertEquals(gdas.train(), marks.train());
    assertEquals(spos.train(), gdas.train(), "as the SPOS arm trains");
    assertEquals(spos.evaluate(), gdas.evaluate());
    assertEquals(0, gdas.landmarks().count());
    assertEquals(30, marks.landmarks().count());
    assertEquals("spos", RunConfig.defaults().search().policy());
  }

  @Test
  void unknownPolicy_isAnErrorAtItsLine() throws IOException {
    Path f = write("search:\n  top-k: 3\n  policy: darts\n");
    ConfigException e = assertThrows(ConfigException.class,
        () -> RunConfigLoader.load(f, List.of()));
    assertTrue(e.getMessage().startsWith(f + ":3: search.policy:"), e.getMessage());
    assertTrue(e.getMessage().contains("spos") && e.getMessage().contains("gdas"),
        e.getMessage());
  }

  @Test
  void warmupOutOfRange_isAnErrorAtItsLine() throws IOException {
    Path f = write("train:\n  epochs: 4\nsearch:\n  policy: gdas\n  gdas-warmup: 4\n");
    ConfigException e = assertThrows(ConfigException.class,
        () -> RunConfigLoader.load(f, List.of()));
    assertTrue(e.getMessage().startsWith(f + ":5: search.gdas-warmup:"), e.getMessage());
    assertTrue(e.getMessage().contains("< train.epochs (4)"), e.getMessage());
    Path negative = write("search:\n  gdas-warmup: -1\n");
    ConfigException n = assertThrows(ConfigException.class,
        () -> RunConfigLoader.load(negative, List.of()));
    assertTrue(n.getMessage().startsWith(negative + ":2: search.gdas-warmup:"), n.getMessage());
    ConfigException type = assertThrows(ConfigException.class,
        () -> RunConfigLoader.load(write("search:\n  gdas-warmup: two\n"), List.of()));
    assertEquals("search.gdas-warmup", type.key().orElseThrow());
    assertEquals(3, RunConfigLoader.load(f, List.of("train.epochs=5", "search.gdas-warmup=3"))
        .search().gdasWarmup());
  }

  @Test
  void architectAdam_isReadWithAutoDlDefaultsAndChecked() throws IOException {
    assertEquals(new ArchitectAdam(3e-4, 1e-3), RunConfig.defaults().search().gdasAdam());
    Path fast = write("search:\n  policy: gdas\n  gdas-lr: 0.003\n  gdas-weight-decay: 0\n");
    assertEquals(new ArchitectAdam(0.003, 0.0),
        RunConfigLoader.load(fast, List.of()).search().gdasAdam());
    SearchKeyErrors.assertEachIsAnErrorAtItsLine(tmp, "gdas-lr: 0", "gdas-lr: -0.1",
        "gdas-weight-decay: -1");
  }

  @Test
  void gdasOnNb101_isAnError() throws IOException {
    Path f = write("space: nb101\nsearch:\n  policy: gdas\n");
    ConfigException e = assertThrows(ConfigException.class,
        () -> RunConfigLoader.load(f, List.of()));
    assertEquals("search.policy", e.key().orElseThrow());
    assertTrue(e.getMessage().contains("nb201 and darts, not nb101"), e.getMessage());
  }

  @Test
  void shippedDartsGdasConfig_isDartsSposWithGdasPaths() {
    RunConfig gdas = RunConfigLoader.load(configs().resolve("darts-fmnist-gdas.yaml"), List.of());
    RunConfig spos = RunConfigLoader.load(configs().resolve("darts-fmnist-spos.yaml"), List.of());
    assertEquals("darts", gdas.space());
    assertEquals("gdas", gdas.search().policy());
    assertTrue(gdas.search().gdasWarmup() > 0
        && gdas.search().gdasWarmup() < gdas.train().epochs());
    assertEquals(spos.supernet(), gdas.supernet());
    assertEquals(spos.data(), gdas.data());
    assertEquals(spos.train().lr(), gdas.train().lr());
    RunConfig paper = RunConfigLoader.load(configs().resolve("paper-darts-cifar10-gdas.yaml"),
        List.of());
    assertEquals("darts", paper.space());
    assertEquals("gdas", paper.search().policy());
    assertEquals(250, paper.search().gdasWarmup());
    assertEquals(400, paper.train().epochs());
  }
}

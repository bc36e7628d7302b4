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

/** {@code search.policy: nao} and its keys: the shipped configs, the defaults, every error. */
final class NaoConfigTest {
  @TempDir Path tmp;

  private int files;

  private Path write(String text) throws IOException {
    Path file = tmp.resolve("n" + files++ + ".yaml");
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
  void shippedNaoConfigs_differOnlyInLandmarks() {
    RunConfig nao = RunConfigLoader.load(configs().resolve("nb201-fmnist-nao.yaml"), List.of());
    RunConfig marks = RunConfigLoader.load(configs().resolve("nb201-fmnist-nao-landmarks.yaml"),
        List.of());
    RunConfig gdas = RunConfigLoader.load(configs().resolve("nb201-fmnist-gdas.yaml"), List.of());
    assertTrue(nao.search().nao());
    assertEquals(6, nao.search().naoWarmup());
    assertEquals(5, nao.search().naoEvery());
    assertEquals(100, nao.search().naoPool());
    assertEquals(1000, nao.search().naoEpochs());
    assertEquals(nao.search(), marks.search());
    assertEquals(gdas.train(), nao.train(), "as the other arms train");
    assertEquals(gdas.evaluate(), nao.evaluate());
    assertEquals(0, nao.landmarks().count());
    assertEquals(30, marks.landmarks().count());
  }

  @Test
  void defaults_areTheReferenceSettings() {
    SearchConfig d = RunConfig.defaults().search();
    assertEquals(List.of(1, 40, 100, 1000),
        List.of(d.naoWarmup(), d.naoEvery(), d.naoPool(), d.naoEpochs()));
    assertEquals(new NaoSize(36, 16, 2, 64, 0.1), d.naoSize());
  }

  @Test
  void controllerSizes_areReadAndChecked() throws IOException {
    Path wide = write("search:\n  policy: nao\n  nao-embedding: 48\n  nao-hidden: 96\n"
        + "  nao-mlp-layers: 3\n  nao-mlp-hidden: 128\n  nao-dropout: 0\n");
    assertEquals(new NaoSize(48, 96, 3, 128, 0.0),
        RunConfigLoader.load(wide, List.of()).search().naoSize());
    SearchKeyErrors.assertEachIsAnErrorAtItsLine(tmp, "nao-embedding: 0", "nao-hidden: 0",
        "nao-mlp-layers: 0", "nao-mlp-hidden: 0", "nao-dropout: 1.0", "nao-dropout: -0.1");
    Path typo = write("search:\n  nao-hiden: 32\n");
    ConfigException t = assertThrows(ConfigException.class,
        () -> RunConfigLoader.load(typo, List.of()));
    assertTrue(t.getMessage().contains("nao-hidden"), "names the allowed keys: " + t.getMessage());
  }

  @Test
  void outOfRangeKeys_areErrorsAtTheirLines() throws IOException {
    Path late = write("train:\n  epochs: 4\nsearch:\n  policy: nao\n  nao-warmup: 4\n");
    ConfigException e = assertThrows(ConfigException.class,
        () -> RunConfigLoader.load(late, List.of()));
    assertTrue(e.getMessage().startsWith(late + ":5: search.nao-warmup:"), e.getMessage());
    assertTrue(e.getMessage().contains("< train.epochs (4)"), e.getMessage());
    SearchKeyErrors.assertEachIsAnErrorAtItsLine(tmp, "nao-warmup: 0", "nao-every: 0",
        "nao-pool: 1", "nao-epochs: 0");
    Path big = write("search:\n  policy: nao\n  nao-pool: 5000\n");
    ConfigException p = assertThrows(ConfigException.class,
        () -> RunConfigLoader.load(big, List.of()));
    assertTrue(p.getMessage().startsWith(big + ":3: search.nao-pool:"), p.getMessage());
    assertTrue(p.getMessage().contains("<= 4929"), p.getMessage());
    assertEquals(3, RunConfigLoader.load(late, List.of("train.epochs=5", "search.nao-warmup=3"))
        .search().naoWarmup());
  }

  @Test
  void nao_runsOnEverySpaceWithAnEncoding() {
    // the controller reads any fixed-length encoding: NB101's 26 entries, DARTS's 32
    for (String space : List.of("nb201", "nb101", "darts")) {
      RunConfig c = RunConfigLoader.fromDefaults(List.of("space=" + space, "search.policy=nao",
          "train.epochs=3"));
      assertTrue(c.search().nao(), space);
    }
    RunConfig nb101 = RunConfigLoader.load(configs().resolve("nb101-fmnist-nao.yaml"),
        List.of());
    RunConfig spos = RunConfigLoader.load(configs().resolve("nb101-fmnist-spos.yaml"),
        List.of());
    assertEquals("nb101", nb101.space());
    assertEquals("nao", nb101.search().policy());
    assertEquals(spos.train(), nb101.train(), "trained as the NB101 SPOS config");
    assertEquals(spos.supernet(), nb101.supernet());
  }
}

package org.landmarknas.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class RunConfigLoaderTest {

  @TempDir
  Path tmp;

  private Path write(String name, String text) throws IOException {
    Path file = tmp.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private static Path configsDir() {
    // surefire runs in the module directory (java/); configs/ is at the repository root
    Path here = Path.of("").toAbsolutePath();
    for (Path p = here; p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("configs")) && Files.exists(p.resolve("pom.xml"))) {
        return p.resolve("configs");
      }
    }
    throw new IllegalStateException("no configs/ above " + here);
  }

  // ---- defaults and round trip ---------------------------------------------------------------

  @Test
  void defaults_areValidAndMatchTheDocumentedValues() {
    RunConfig d = RunConfig.defaults();
    assertEquals("quickstart", d.name());
    assertEquals(0L, d.seed());
    assertEquals(new DataConfig("fashion-mnist", null, 0, 0, 0.5, 2, true), d.data());
    assertEquals(new SupernetConfig(16, 1, "batch"), d.supernet());
    assertEquals(new TrainConfig(2, 64, 0, 0.025, 0.001, 0.9, 0.0005, 5.0, 2), d.train());
    assertEquals(new EvaluateConfig(10, 256, null, 0, 1, 0, "batch", 50, 10), d.evaluate());
    assertEquals(new SearchConfig("aging", 1000, 50, 10, 1000, 5), d.search());
    assertEquals(d, RunConfigLoader.fromDefaults(List.of()));
  }

  @Test
  void load_emptyFileAndEmptySection_giveDefaults() throws IOException {
    assertEquals(RunConfig.defaults(), RunConfigLoader.load(write("e.yaml", ""), List.of()));
    assertEquals(RunConfig.defaults(),
        RunConfigLoader.load(write("s.yaml", "train:\n# nothing\n"), List.of()));
  }

  @Test
  void toYaml_roundTripsDefaults() throws IOException {
    RunConfig d = RunConfig.defaults();
    String yaml = RunConfigLoader.toYaml(d);
    assertEquals(d, RunConfigLoader.load(write("d.yaml", yaml), List.of()));
  }

  @Test
  void toYaml_roundTripsEveryNonDefaultValue() throws IOException {
    RunConfig c = new RunConfig("2024", -77L, "nb201",
        new DataConfig("cifar10", "/data/my \"cifar\" dir: ~#x", 123, 45, 0.25, 0, false),
        new SupernetConfig(8, 3, "running"),
        new TrainConfig(7, 32, 11, 1.0e10, 1.0e-7, 0.0, 0.0, 1e-3, 3),
        new LandmarksConfig(30, "lm.csv", "gt.csv", "diverse-strict", 4, 10, "reference",
            "margin-hinge:0.5", "score-gap", 1.5, "step-decrease", 3, 2, true, "nograd", 3, 4,
            "wait", "fmnist-c4n1-e1", 2.5),
        new EvaluateConfig(0, 1, "pools/p.csv", 200, 30, 5000, "recalibrate", 7, 3),
        new SearchConfig("spos", 77, 9, 3, 512, 2));
    String yaml = RunConfigLoader.toYaml(c);
    assertEquals(c, RunConfigLoader.load(write("c.yaml", yaml), List.of()));
    for (ConfigSchema.Key k : ConfigSchema.KEYS) {
      assertTrue(yaml.contains(k.name() + ":"), "toYaml writes every key: " + k.dotted());
    }
  }

  @Test
  void toYaml_roundTripsAwkwardStrings() throws IOException {
    for (String dir : List.of("~", "null", "true", "2024", "1e3", "-x", "a b", "tab\there",
        "line\nbreak", "back\\slash", "ünï")) {
      RunConfig c = new RunConfig("n", 1, "nb201", new DataConfig("cifar10", dir, 0, 0, 0.5, 2, true),
          SupernetConfig.defaults(), TrainConfig.defaults(), LandmarksConfig.defaults(), EvaluateConfig.defaults(),
          SearchConfig.defaults());
      assertEquals(c, RunConfigLoader.load(write("w.yaml", RunConfigLoader.toYaml(c)), List.of()),
          dir);
    }
  }

  @Test
  void toYaml_writesDecimalsPlainly() {
    String yaml = RunConfigLoader.toYaml(RunConfig.defaults());
    assertTrue(yaml.contains("weight-decay: 0.0005\n"), yaml);
    assertTrue(yaml.contains("grad-clip: 5.0\n"), yaml);
    assertTrue(yaml.contains("dir: null\n"), yaml);
  }

  @Test
  void toMap_nestsSectionsInFileOrder() {
    Map<String, Object> m = RunConfigLoader.toMap(RunConfig.defaults());
    assertEquals(List.of("name", "seed", "space", "data", "supernet", "train", "landmarks",
        "evaluate", "search"),
        List.copyOf(m.keySet()));
    assertEquals(64, ((Map<?, ?>) m.get("train")).get("batch-size"));
  }

  @Test
  void shippedExperiments_loadWithEveryArm() {
    Path dir = configsDir();
    ExperimentConfig full = ExperimentConfig.load(dir.resolve("fmnist-landmarks-vs-spos.yaml"));
    assertEquals(7, full.arms().size());
    assertEquals(11, full.arms().stream().mapToInt(a -> a.seeds().size()).sum());
    assertEquals(List.of("spos-s0", "landmarks-s0", "spos-s1", "landmarks-s1", "spos-s2",
            "landmarks-s2", "abl-pairs10-s0", "abl-constant-s0", "abl-lambda1-s0",
            "abl-diverse-s0", "abl-rounds3-s0"),
        full.runs().stream().map(r -> r.dir(Path.of("")).toString()).toList(),
        "main comparison first, paired seed by seed; one-seed ablations last");
    RunConfig spos = full.arms().get(0).runConfig(0);
    RunConfig marks = full.arms().get(1).runConfig(0);
    assertEquals(spos.train(), marks.train(), "both arms train alike");
    assertEquals(spos.evaluate(), marks.evaluate(), "and are ranked alike");
    assertEquals(spos.supernet(), marks.supernet());
    assertEquals(0, spos.landmarks().count());
    assertEquals(30, marks.landmarks().count());
    assertEquals(6, marks.landmarks().warmup());
    assertEquals(200, marks.evaluate().poolSize());
    ExperimentConfig quick = ExperimentConfig.load(dir.resolve("quickstart-experiment.yaml"));
    assertEquals(List.of("spos", "landmarks"),
        quick.arms().stream().map(ExperimentConfig.Arm::name).toList());
    assertEquals(3, quick.arms().get(1).runConfig(0).train().epochs());
  }

  @Test
  void preregisteredComparison_isAsItsHeaderSays_andTheLeverStudyReusesItsArms() {
    Path dir = configsDir();
    ExperimentConfig pre = ExperimentConfig.load(dir.resolve("fmnist-preregistered.yaml"));
    assertEquals(List.of("spos", "landmarks"),
        pre.arms().stream().map(ExperimentConfig.Arm::name).toList());
    List<Long> seeds = new java.util.ArrayList<>();
    for (long s = 100; s <= 111; s++) {
      seeds.add(s);
    }
    assertEquals(seeds, pre.arms().get(0).seeds(), "12 fresh seed pairs");
    assertEquals(seeds, pre.arms().get(1).seeds());
    RunConfig spos = pre.arms().get(0).runConfig(100);
    RunConfig marks = pre.arms().get(1).runConfig(100);
    assertEquals(48, spos.train().epochs());
    assertEquals(spos.train(), marks.train(), "the arms differ in the landmark term only");
    assertEquals(spos.evaluate(), marks.evaluate());
    assertEquals(spos.supernet(), marks.supernet());
    assertEquals(0, spos.landmarks().count());
    assertEquals(30, marks.landmarks().count());
    assertEquals(18, marks.landmarks().warmup());
    assertEquals("loss", spos.evaluate().scoreBy());
    assertEquals(0, spos.evaluate().poolImages(true), "the judged scoring: all test images");
    assertEquals(1000, spos.evaluate().poolImages(false));
    assertTrue(spos.evaluate().pool().endsWith("evaluation-mean3.csv"));
    assertTrue(marks.landmarks().groundTruth().endsWith("landmark-candidates-mean3.csv"),
        "landmark scores from the ground truth's own protocol");

    for (String study : List.of("fmnist-levers.yaml", "fmnist-ablations.yaml")) {
      ExperimentConfig s = ExperimentConfig.load(dir.resolve(study));
      assertEquals(pre.runsDir(), s.runsDir(), study + ": finished runs are shared, not redone");
      assertTrue(!s.reportDir().equals(pre.reportDir()), study + ": reports kept apart");
      for (int i = 0; i < 2; i++) {
        assertEquals(pre.arms().get(i).name(), s.arms().get(i).name());
        assertEquals(pre.arms().get(i).runConfig(101), s.arms().get(i).runConfig(101),
            study + "'s " + pre.arms().get(i).name() + " runs are the comparison's");
      }
    }
  }

  @Test
  void shippedConfigs_load() {
    Path dir = configsDir();
    assertEquals(RunConfig.defaults(),
        RunConfigLoader.load(dir.resolve("defaults.yaml"), List.of()));
    RunConfig quick = RunConfigLoader.load(dir.resolve("quickstart.yaml"), List.of());
    assertEquals(150, quick.train().stepsPerEpoch());
    assertEquals(10, quick.evaluate().archs());
    RunConfig paper = RunConfigLoader.load(dir.resolve("paper-nb201-cifar10.yaml"), List.of());
    assertEquals("cifar10", paper.data().dataset());
    assertEquals(new SupernetConfig(16, 5, "batch"), paper.supernet());
    assertEquals(400, paper.train().epochs());
    assertEquals(256, paper.train().batchSize());
    assertEquals(50, paper.landmarks().count());
    assertEquals(150, paper.landmarks().warmup());
    RunConfig spos = RunConfigLoader.load(dir.resolve("paper-nb201-cifar10-spos.yaml"),
        List.of());
    assertEquals(0, spos.landmarks().count());
    assertEquals(paper.train(), spos.train(), "the two arms differ only in landmarks");
    RunConfig fmnistSpos = RunConfigLoader.load(dir.resolve("fmnist-spos.yaml"), List.of());
    RunConfig fmnistLandmarks = RunConfigLoader.load(dir.resolve("fmnist-landmarks.yaml"),
        List.of());
    assertEquals(fmnistSpos.train(), fmnistLandmarks.train());
    assertEquals(fmnistSpos.evaluate(), fmnistLandmarks.evaluate());
    assertEquals(30, fmnistLandmarks.landmarks().count());
    assertEquals(false, fmnistSpos.landmarks().enabled());
  }

  // ---- layering ------------------------------------------------------------------------------

  @Test
  void load_fileOverDefaults_overridesOverFile() throws IOException {
    Path f = write("c.yaml", "name: mine\ntrain:\n  epochs: 5\n  lr: 1e-2\ndata:\n  dir: /a\n");
    RunConfig c = RunConfigLoader.load(f,
        List.of("train.epochs=9", "data.dir=/b", "seed=12345678901", "train.epochs=10"));
    assertEquals("mine", c.name());
    assertEquals(10, c.train().epochs()); // later override wins
    assertEquals(0.01, c.train().lr());
    assertEquals("/b", c.data().dir());
    assertEquals(12345678901L, c.seed());
    assertEquals(64, c.train().batchSize()); // untouched default
  }

  @Test
  void overrides_nullAndEmptyValueClearTheDirectory() throws IOException {
    Path f = write("c.yaml", "data:\n  dir: /a\n");
    assertNull(RunConfigLoader.load(f, List.of("data.dir=null")).data().dir());
    assertNull(RunConfigLoader.load(f, List.of("data.dir=")).data().dir());
  }

  @Test
  void literalOverride_keepsTheTextVerbatim() {
    for (String dir : List.of("~", "null", "2024", "a: b", "x\"y")) {
      RunConfig c = RunConfigLoader.fromDefaults(
          List.of(RunConfigLoader.literalOverride("data.dir", dir)));
      assertEquals(dir, c.data().dir());
    }
  }

  @Test
  void stringKeys_takeTheTextAsWritten() throws IOException {
    RunConfig c = RunConfigLoader.load(write("n.yaml", "name: 2024\n"), List.of());
    assertEquals("2024", c.name());
  }

  @Test
  void doubleKeys_acceptIntegersAndExponents() {
    RunConfig c = RunConfigLoader.fromDefaults(List.of("train.lr=1", "train.lr-min=1e-4"));
    assertEquals(1.0, c.train().lr());
    assertEquals(1e-4, c.train().lrMin());
  }

  // ---- errors --------------------------------------------------------------------------------

  @Test
  void unknownTopLevelKey_namesFileLineKeyAndAllowedKeys() throws IOException {
    Path f = write("u.yaml", "name: x\nepochs: 3\n");
    ConfigException e = assertThrows(ConfigException.class,
        () -> RunConfigLoader.load(f, List.of()));
    assertEquals(f.toString(), e.source().orElseThrow());
    assertEquals(OptionalInt.of(2), e.line());
    assertEquals("epochs", e.key().orElseThrow());
    assertTrue(e.getMessage().startsWith(f + ":2: epochs: unknown key"), e.getMessage());
    assertTrue(e.getMessage().contains("name, seed, space, data, supernet, train, landmarks, evaluate, search"),
        e.getMessage());
  }

  @Test
  void memoryFormat_isReadAndAnUnknownOneNamesItsLine() throws IOException {
    RunConfig last = RunConfigLoader.load(
        write("m.yaml", "supernet:\n  memory-format: channels-last\n"), List.of());
    assertEquals("channels-last", last.supernet().memoryFormat());
    assertEquals("contiguous", RunConfig.defaults().supernet().memoryFormat());
    Path f = write("n.yaml", "supernet:\n  channels: 8\n  memory-format: nhwc\n");
    ConfigException e = assertThrows(ConfigException.class,
        () -> RunConfigLoader.load(f, List.of()));
    assertEquals(OptionalInt.of(3), e.line());
    assertTrue(e.getMessage().startsWith(f + ":3: supernet.memory-format:")
        && e.getMessage().contains("channels-last"), e.getMessage());
  }

  @Test
  void landmarkBounds_comeFromTheConfiguredSpace() throws IOException {
    // NB201: 6 edges, so tau < 6; NB101: 26 encoding positions
    Path nb201 = write("a.yaml", "landmarks:\n  tau: 6\n");
    ConfigException e = assertThrows(ConfigException.class,
        () -> RunConfigLoader.load(nb201, List.of()));
    assertEquals("landmarks.tau", e.key().orElseThrow());
    assertTrue(e.getMessage().contains("0..5 (below nas-bench-201's maximum Hamming distance 6)"),
        e.getMessage());
    RunConfig nb101 = RunConfigLoader.load(write("b.yaml",
        "space: nb101\nlandmarks:\n  tau: 20\n  count: 5000\n  ground-truth: gt.csv\n"), List.of());
    assertEquals(20, nb101.landmarks().tau());
    ConfigException count = assertThrows(ConfigException.class,
        () -> RunConfigLoader.load(write("c.yaml", "landmarks:\n  count: 5000\n"), List.of()));
    assertTrue(count.getMessage().contains("<= 4927: the 4929 distinct trainable nas-bench-201"),
        count.getMessage());
  }

  @Test
  void unknownNestedKey_namesDottedKeyAndSectionKeys() throws IOException {
    Path f = write("u.yaml", "train:\n  epochs: 3\n  epoch: 3\n");
    ConfigException e = assertThrows(ConfigException.class,
        () -> RunConfigLoader.load(f, List.of()));
    assertEquals("train.epoch", e.key().orElseThrow());
    assertEquals(OptionalInt.of(3), e.line());
    assertTrue(e.getMessage().contains("allowed in train: epochs, batch-size, steps-per-epoch"),
        e.getMessage());
  }

  @Test
  void unknownOverrideKey_namesSetAndKey() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> RunConfigLoader.fromDefaults(List.of("supernet.layers=3")));
    assertEquals("--set", e.source().orElseThrow());
    assertEquals("supernet.layers", e.key().orElseThrow());
    assertTrue(e.getMessage().contains("allowed in supernet: channels, cells, batchnorm"),
        e.getMessage());
    ConfigException top = assertThrows(ConfigException.class,
        () -> RunConfigLoader.fromDefaults(List.of("model.x=3")));
    assertEquals("model.x", top.key().orElseThrow());
    ConfigException section = assertThrows(ConfigException.class,
        () -> RunConfigLoader.fromDefaults(List.of("train=3")));
    assertTrue(section.getMessage().contains("is a section"), section.getMessage());
  }

  @Test
  void badType_namesKeyValueAndExpectedType() throws IOException {
    Path f = write("t.yaml", "train:\n  epochs: two\n");
    ConfigException e = assertThrows(ConfigException.class,
        () -> RunConfigLoader.load(f, List.of()));
    assertEquals("train.epochs", e.key().orElseThrow());
    assertEquals(OptionalInt.of(2), e.line());
    assertTrue(e.getMessage().contains("expected an integer, got \"two\""), e.getMessage());

    ConfigException b = assertThrows(ConfigException.class,
        () -> RunConfigLoader.fromDefaults(List.of("data.horizontal-flip=maybe")));
    assertTrue(b.getMessage().contains("data.horizontal-flip: expected true or false, got "
        + "\"maybe\""), b.getMessage());
    ConfigException d = assertThrows(ConfigException.class,
        () -> RunConfigLoader.fromDefaults(List.of("train.lr=fast")));
    assertTrue(d.getMessage().contains("expected a number"), d.getMessage());
    ConfigException i = assertThrows(ConfigException.class,
        () -> RunConfigLoader.fromDefaults(List.of("train.epochs=2.5")));
    assertTrue(i.getMessage().contains("expected an integer, got \"2.5\""), i.getMessage());
  }

  @Test
  void nonScalarValues_andNullForRequiredKeys_areTypeErrors() throws IOException {
    ConfigException list = assertThrows(ConfigException.class,
        () -> RunConfigLoader.load(write("l.yaml", "train:\n  epochs: [1, 2]\n"), List.of()));
    assertTrue(list.getMessage().contains("got a list"), list.getMessage());
    ConfigException nul = assertThrows(ConfigException.class,
        () -> RunConfigLoader.load(write("n.yaml", "train:\n  epochs:\n"), List.of()));
    assertTrue(nul.getMessage().contains("train.epochs: expected an integer, got null"),
        nul.getMessage());
    ConfigException section = assertThrows(ConfigException.class,
        () -> RunConfigLoader.load(write("s.yaml", "train: 5\n"), List.of()));
    assertEquals("train", section.key().orElseThrow());
    assertTrue(section.getMessage().contains("expected a mapping"), section.getMessage());
    ConfigException top = assertThrows(ConfigException.class,
        () -> RunConfigLoader.load(write("top.yaml", "- 1\n- 2\n"), List.of()));
    assertTrue(top.getMessage().contains("top level must be a mapping"), top.getMessage());
  }

  @Test
  void outOfRange_namesKeyValueAndRange_fromFileWithLine() throws IOException {
    Path f = write("r.yaml", "name: x\ntrain:\n  batch-size: 8\n  epochs: 0\n");
    ConfigException e = assertThrows(ConfigException.class,
        () -> RunConfigLoader.load(f, List.of()));
    assertEquals(f.toString(), e.source().orElseThrow());
    assertEquals(OptionalInt.of(4), e.line());
    assertEquals(f + ":4: train.epochs: 0 is out of range (allowed: >= 1)", e.getMessage());
  }

  @Test
  void outOfRange_fromOverride_namesSet() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> RunConfigLoader.fromDefaults(List.of("data.split-fraction=1.0")));
    assertEquals("--set", e.source().orElseThrow());
    assertEquals("data.split-fraction", e.key().orElseThrow());
    assertTrue(e.getMessage().contains("1.0 is out of range (allowed: (0.0, 1.0)"),
        e.getMessage());
    ConfigException cross = assertThrows(ConfigException.class,
        () -> RunConfigLoader.fromDefaults(List.of("train.lr=0.0001")));
    assertEquals("train.lr-min", cross.key().orElseThrow());
    ConfigException big = assertThrows(ConfigException.class,
        () -> RunConfigLoader.fromDefaults(List.of("train.epochs=99999999999")));
    assertTrue(big.getMessage().contains("out of range"), big.getMessage());
  }

  @Test
  void allowedNames_areChecked() {
    ConfigException ds = assertThrows(ConfigException.class,
        () -> RunConfigLoader.fromDefaults(List.of("data.dataset=mnist")));
    assertTrue(ds.getMessage().contains("\"mnist\" is not allowed (allowed: fashion-mnist, "
        + "cifar10)"), ds.getMessage());
    ConfigException bn = assertThrows(ConfigException.class,
        () -> RunConfigLoader.fromDefaults(List.of("supernet.batchnorm=none")));
    assertEquals("supernet.batchnorm", bn.key().orElseThrow());
    ConfigException name = assertThrows(ConfigException.class,
        () -> RunConfigLoader.fromDefaults(List.of("name=../evil")));
    assertEquals("name", name.key().orElseThrow());
  }

  @Test
  void malformedYaml_namesFileAndLine() throws IOException {
    Path f = write("m.yaml", "name: x\ntrain:\n  epochs: 3\n    lr: 0.1\n");
    ConfigException e = assertThrows(ConfigException.class,
        () -> RunConfigLoader.load(f, List.of()));
    assertEquals(f.toString(), e.source().orElseThrow());
    assertEquals(OptionalInt.of(4), e.line());
    assertTrue(e.getMessage().startsWith(f + ":4: malformed YAML"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), "one line");
  }

  @Test
  void duplicateKey_isAnError() throws IOException {
    ConfigException e = assertThrows(ConfigException.class,
        () -> RunConfigLoader.load(write("d.yaml", "train:\n  epochs: 1\n  epochs: 2\n"),
            List.of()));
    assertEquals("train.epochs", e.key().orElseThrow());
    assertTrue(e.getMessage().contains("duplicate key"), e.getMessage());
  }

  @Test
  void yaml11IntegerForms_areRefused_notReadAsOtherNumbers() throws IOException {
    for (String text : new String[] {"010", "0x10", "1:30", "+0x1f"}) {
      ConfigException e = assertThrows(ConfigException.class,
          () -> RunConfigLoader.load(write("i.yaml", "seed: " + text + "\n"), List.of()), text);
      assertEquals("seed", e.key().orElseThrow());
      assertTrue(e.getMessage().contains("\"" + text + "\" is not a plain decimal integer"),
          e.getMessage());
    }
    assertEquals(-3, RunConfigLoader.load(write("j.yaml", "seed: -3\n"), List.of()).seed());
    assertEquals(0, RunConfigLoader.load(write("k.yaml", "seed: 0\n"), List.of()).seed());
  }

  @Test
  void dottedKeyAtTopLevel_isAnError_pointingToItsSection() throws IOException {
    ConfigException e = assertThrows(ConfigException.class,
        () -> RunConfigLoader.load(write("t.yaml", "train:\n  epochs: 3\ntrain.epochs: 5\n"),
            List.of()));
    assertEquals("train.epochs", e.key().orElseThrow());
    assertEquals(OptionalInt.of(3), e.line());
    assertTrue(e.getMessage().contains("belongs in its section in a file (train: {epochs:"),
        e.getMessage());
  }

  @Test
  void javaTypeTags_areRejected() throws IOException {
    Path f = write("j.yaml", "name: !!javax.script.ScriptEngineManager [x]\n");
    assertThrows(ConfigException.class, () -> RunConfigLoader.load(f, List.of()));
    Path g = write("g.yaml", "name: !custom x\n");
    assertThrows(ConfigException.class, () -> RunConfigLoader.load(g, List.of()));
  }

  @Test
  void crossKeyError_caughtByASetBesideTheFile_namesTheSetKeys() throws IOException {
    Path f = write("s.yaml", "search:\n  strategy: aging\n  budget: 100\n");
    ConfigException e = assertThrows(ConfigException.class,
        () -> RunConfigLoader.load(f, List.of("search.population=200", "train.epochs=2")));
    assertEquals("search.budget", e.key().orElseThrow());
    assertEquals(OptionalInt.of(3), e.line(), "the budget's line");
    assertTrue(e.getMessage().endsWith("(--set gave search.population)"), e.getMessage());

    ConfigException alone = assertThrows(ConfigException.class,
        () -> RunConfigLoader.load(f, List.of("search.budget=10")));
    assertEquals("--set", alone.source().orElseThrow());
    assertFalse(alone.getMessage().contains("gave"), alone.getMessage());

    // across sections: the file's warm-up, the --set epochs
    Path w = write("w.yaml", "landmarks:\n  count: 5\n  ground-truth: g.csv\n  warmup: 5\n");
    ConfigException warmup = assertThrows(ConfigException.class,
        () -> RunConfigLoader.load(w, List.of("train.epochs=3")));
    assertEquals("landmarks.warmup", warmup.key().orElseThrow());
    assertTrue(warmup.getMessage().endsWith("(--set gave train.epochs)"), warmup.getMessage());

    // a range error of the file's key alone: a --set beside it took no part
    Path z = write("z.yaml", "search:\n  budget: 0\n");
    ConfigException range = assertThrows(ConfigException.class,
        () -> RunConfigLoader.load(z, List.of("search.strategy=random")));
    assertEquals(OptionalInt.of(2), range.line());
    assertFalse(range.getMessage().contains("gave"), range.getMessage());
  }

  @Test
  void badSetSyntax_isAnErrorNamingTheText() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> RunConfigLoader.fromDefaults(List.of("foo")));
    assertEquals("--set", e.source().orElseThrow());
    assertTrue(e.getMessage().contains("\"foo\" is not key=value"), e.getMessage());
    assertThrows(ConfigException.class, () -> RunConfigLoader.fromDefaults(List.of("=3")));
    ConfigException y = assertThrows(ConfigException.class,
        () -> RunConfigLoader.fromDefaults(List.of("train.epochs=[1")));
    assertEquals("train.epochs", y.key().orElseThrow());
    assertTrue(y.getMessage().contains("malformed YAML"), y.getMessage());
  }

  @Test
  void missingFile_namesTheFile() {
    Path f = tmp.resolve("absent.yaml");
    ConfigException e = assertThrows(ConfigException.class,
        () -> RunConfigLoader.load(f, List.of()));
    assertEquals(f.toString(), e.source().orElseThrow());
    assertTrue(e.getMessage().contains("cannot read config file (no such file)"), e.getMessage());
  }

  @Test
  void configException_isAnIllegalArgumentException() {
    assertTrue(IllegalArgumentException.class.isAssignableFrom(ConfigException.class));
  }
}

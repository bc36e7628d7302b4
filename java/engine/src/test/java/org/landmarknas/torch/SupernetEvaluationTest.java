package org.landmarknas.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landmarknas.TestData;
import org.landmarknas.bench.NasLibSample;
import org.landmarknas.config.RunConfig;
import org.landmarknas.config.RunConfigLoader;
import org.landmarknas.metric.AccuracyUnit;
import org.landmarknas.metric.RankingReport;
import org.landmarknas.run.NamedRanking;
import org.landmarknas.run.PoolEvaluation;
import org.landmarknas.run.PoolScore;
import org.landmarknas.run.Ranking;
import org.landmarknas.run.RunDirectory;
import org.landmarknas.run.RunFiles;
import org.landmarknas.space.Nb101Arch;
import org.landmarknas.space.Nb101Space;

final class SupernetEvaluationTest {

  @TempDir Path tmp;

  @Test
  void run_writesAnEvaluationFileThatReadsBack() {
    TestData.fashionMnist();
    RunConfig config = RunConfigLoader.fromDefaults(RecordedRunTest.overrides());
    RunDirectory dir = RunDirectory.create(tmp.resolve("run"));
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    SupernetSearch.run(config, dir, quiet);

    RankingReport report = SupernetEvaluation.run(dir, config, Optional.empty(), quiet);

    PoolEvaluation e = RunFiles.readEvaluation(dir.evaluationFile());
    assertFalse(Files.exists(dir.evaluationJournalFile()),
        "the journal goes once the evaluation is written");
    assertEquals(RunFiles.FORMAT_VERSION, e.formatVersion());
    assertEquals(report.n(), e.pool().size());
    assertEquals(report.n(), e.ranking().poolSize());
    assertEquals(report.sparseKendallTau(), e.ranking().skdt());
    assertEquals(report.meanOfTopKTopPercent(), e.ranking().meanOfTopKTopPercent());
    assertEquals("recorded", e.config().get("name"));
    assertEquals(List.of("parameters", "macs", "random"),
        e.baselines().stream().map(NamedRanking::name).toList());
    assertEquals(report.n(), e.baselines().get(0).ranking().poolSize(), "the same pool");
  }

  /** A pool drawn from a NASLib sample is ranked by each of its proxies too, after the costs. */
  @Test
  void run_nb101SamplePool_writesEveryProxyBaseline() {
    TestData.fashionMnist();
    Path file = TestData.nb101Table();
    RunConfig config = RunConfigLoader.fromDefaults(List.of("name=proxies101", "seed=3",
        "space=nb101", "data.train-limit=256", "data.test-limit=128", "supernet.channels=4",
        "train.epochs=1", "train.steps-per-epoch=2", "train.batch-size=16", "train.threads=1",
        "evaluate.archs=2", "evaluate.batch-size=64", "evaluate.pool=" + file,
        "evaluate.pool-size=8", "evaluate.images=64", "landmarks.count=0",
        "search.strategy=none"));
    RunDirectory dir = RunDirectory.create(tmp.resolve("run"));
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    SupernetSearch.run(config, dir, quiet);

    SupernetEvaluation.run(dir, config, Optional.empty(), quiet);

    PoolEvaluation e = RunFiles.readEvaluation(dir.evaluationFile());
    NasLibSample<Nb101Arch> sample = NasLibSample.nb101(file);
    List<String> names = new ArrayList<>(List.of("parameters", "macs", "random"));
    sample.proxyNames().forEach(p -> names.add("zc:" + p));
    assertEquals(names, e.baselines().stream().map(NamedRanking::name).toList());
    double[] synflow = e.pool().stream().mapToDouble(p -> sample.row(
        Nb101Space.INSTANCE.parse(p.arch())).orElseThrow().proxies().get("synflow")).toArray();
    double[] truth = e.pool().stream().mapToDouble(PoolScore::groundTruth).toArray();
    RankingReport expected = RankingReport.of(synflow, truth, AccuracyUnit.PERCENT,
        e.ranking().k());
    Ranking got = e.baselines().get(names.indexOf("zc:synflow")).ranking();
    assertEquals(8, got.poolSize());
    assertEquals(expected.sparseKendallTau(), got.skdt(), 1e-12);
    assertEquals(expected.spearmanRho(), got.spearman(), 1e-12);
  }
}

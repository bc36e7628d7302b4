package org.landmarknas.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landmarknas.TestData;
import org.landmarknas.config.RunConfig;
import org.landmarknas.config.RunConfigLoader;
import org.landmarknas.metric.RankingReport;
import org.landmarknas.run.NamedRanking;
import org.landmarknas.run.PoolEvaluation;
import org.landmarknas.run.RunDirectory;
import org.landmarknas.run.RunFiles;

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
}

package org.landmarknas.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landmarknas.TestData;
import org.landmarknas.bench.NasLibSample;
import org.landmarknas.metric.AccuracyUnit;
import org.landmarknas.metric.RankingReport;
import org.landmarknas.space.Nb101Arch;
import org.landmarknas.space.Nb101Space;

/** The report of a run whose evaluation pool is a NASLib sample ranks it by the proxies too. */
final class BaselineProxiesReportTest {

  private static final int POOL = 30;

  @TempDir Path tmp;

  @Test
  void write_nb101SamplePool_listsEveryProxyBesideTheCostBaselines() throws IOException {
    Path file = TestData.nb101Table();
    NasLibSample<Nb101Arch> sample = NasLibSample.nb101(file);
    List<NasLibSample.Row<Nb101Arch>> rows = sample.rows().subList(0, POOL);
    Path dir = run(file, rows);

    ReportWriter.write(List.of(RunRecord.load(dir)), Grouping.NAME, tmp.resolve("report"),
        Instant.parse("2025-03-04T05:06:07Z"));

    double[] synflow = rows.stream().mapToDouble(r -> r.proxies().get("synflow")).toArray();
    double[] truth = rows.stream().mapToDouble(NasLibSample.Row::validAccuracy).toArray();
    RankingReport expected = RankingReport.of(synflow, truth, AccuracyUnit.PERCENT, 5);
    String md = Files.readString(tmp.resolve("report/table.md"));
    String section = md.substring(md.indexOf("## Baselines on the same pool"));
    assertTrue(section.contains(String.format(Locale.ROOT, "| zc:synflow | %.3f | %.3f | %.3f |",
        expected.sparseKendallTau(), expected.kendallTau(), expected.spearmanRho())), section);
    assertTrue(section.contains("| parameters |") && section.contains("| random |"), section);
    assertTrue(section.contains("higher first; a negative figure means the proxy orders"
        + " inversely"), section);

    JsonNode rankings = new ObjectMapper().readTree(tmp.resolve("report/report.json").toFile())
        .at("/baselines/rankings");
    List<String> names = new ArrayList<>();
    rankings.forEach(r -> names.add(r.get("name").asText()));
    List<String> expectedNames = new ArrayList<>(List.of("parameters", "macs", "random"));
    sample.proxyNames().forEach(p -> expectedNames.add("zc:" + p));
    assertEquals(expectedNames, names);
    JsonNode s = rankings.get(3 + sample.proxyNames().indexOf("synflow"));
    assertEquals(expected.sparseKendallTau(), s.get("skdt").asDouble(), 1e-12);
    assertEquals(POOL, s.get("pool_size").asInt());
  }

  /** An NB101 run whose config names the sample as evaluate.pool and whose pool is its rows. */
  private Path run(Path sample, List<NasLibSample.Row<Nb101Arch>> rows) throws IOException {
    List<Map<String, Object>> pool = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("arch", Nb101Space.INSTANCE.format(rows.get(i).arch()));
      p.put("supernet_accuracy", 0.40 + 0.01 * i);
      p.put("ground_truth", rows.get(i).validAccuracy());
      pool.add(p);
    }
    Path dir = RunDirFixture.run(tmp.resolve("runs/nb101"), "nb101", 0,
        RunDirFixture.metrics(2, new double[] {Double.NaN, 0.3}, false),
        RunDirFixture.result("nb101", 0, 0.3, pool, RunDirFixture.search(), 60));
    Files.writeString(dir.resolve("config.yaml"), "name: nb101\nseed: 0\nspace: nb101\n"
        + "train:\n  epochs: 2\nevaluate:\n  pool: " + sample.toAbsolutePath() + "\n  top-k: 5\n",
        StandardCharsets.UTF_8);
    return dir;
  }
}

package org.landmarknas.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landmarknas.bench.BaselineRanking;
import org.landmarknas.config.RunConfig;
import org.landmarknas.config.RunConfigLoader;
import org.landmarknas.metric.AccuracyUnit;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;
import org.landmarknas.standalone.StandaloneProtocol;

final class ReportWriterTest {

  private static final Instant NOW = Instant.parse("2025-03-04T05:06:07Z");

  /** The standard three runs, reported once for the tests that only read the result. */
  @TempDir
  static Path shared;
  private static Path standardOut;
  private static ReportOutput standardReport;

  @TempDir
  Path tmp;

  @BeforeAll
  static void writeStandardReport() throws IOException {
    List<RunRecord> runs = new ArrayList<>();
    for (Path d : RunDirFixture.standardRuns(shared.resolve("runs"))) {
      runs.add(RunRecord.load(d));
    }
    standardOut = shared.resolve("report");
    standardReport = ReportWriter.write(runs, Grouping.NAME, standardOut, NOW);
  }

  private List<RunRecord> load(List<Path> dirs) {
    List<RunRecord> runs = new ArrayList<>();
    for (Path d : dirs) {
      runs.add(RunRecord.load(d));
    }
    return runs;
  }

  @Test
  void write_standardRuns_writesEveryPlotAsReadablePng() throws IOException {
    Path out = standardOut;
    ReportOutput report = standardReport;
    List<String> expected = List.of("skdt_vs_epoch.png", "skdt_vs_epoch_mean.png",
        "train_loss.png", "scatter_base-0.png",
        "scatter_base-1.png", "scatter_lm-0.png", "lambda_lm-0.png");
    for (String name : expected) {
      Path png = out.resolve(name);
      assertTrue(report.files().contains(png), name + " not in " + report.files());
      BufferedImage image = ImageIO.read(png.toFile());
      assertNotNull(image, name + " does not decode");
      assertEquals(ReportCharts.WIDTH, image.getWidth(), name);
      assertEquals(ReportCharts.HEIGHT, image.getHeight(), name);
      assertFalse(isBlank(image), name + " is a single colour");
    }
    assertFalse(Files.exists(out.resolve("lambda_base-0.png")));
    try (Stream<Path> files = Files.list(out)) {
      assertEquals(expected.size() + 2, files.count()); // + table.md, report.json
    }
  }

  @Test
  void write_standardRuns_tableHasOneRowPerGroupWithTheMeans() throws IOException {
    List<String> rows = tableRows(Files.readString(standardOut.resolve("table.md")));
    assertEquals(ReportTable.HEADER, rows.get(0));
    assertEquals(2 + 2, rows.size(), String.join("\n", rows)); // header, separator, 2 groups
    // baseline: S-KdT {0.40, 0.60} -> 0.500 ± sqrt(0.02/1) = 0.141; found means {92.5, 92.0}
    // -> 92.25; best 94.00 at rank 7; (3600 + 1800) / 3600 = 1.5 CPU-hours
    assertEquals(List.of("baseline", "2", "0.500 ± 0.141", "92.25", "94.00", "7 / 15625",
        "1.500"), cells(rows.get(2)));
    assertEquals(List.of("landmark", "1", "0.700 ± 0.000 (1 run)", "94.50", "94.50",
        "3 / 15625", "2.000"), cells(rows.get(3)));
  }

  @Test
  void write_standardRuns_skdtByEpochIsTheMeanAndStdOverEachGroupsRuns() throws IOException {
    String md = Files.readString(standardOut.resolve("table.md"));
    int at = md.indexOf("## S-KdT by epoch");
    assertTrue(at > 0, md);
    List<String> rows = tableRows(md.substring(at));
    assertEquals(List.of("group", "2", "4"), cells(rows.get(0)), "only scored epochs");
    // baseline: {0.30, 0.35} -> 0.325 ± sqrt(2 * 0.025^2) = 0.035; {0.40, 0.60} -> 0.500 ± 0.141
    assertEquals(List.of("baseline", "0.325 ± 0.035", "0.500 ± 0.141"), cells(rows.get(2)));
    assertEquals(List.of("landmark", "0.500", "0.700"), cells(rows.get(3)));
  }

  @Test
  void write_standardRuns_latencyTableFromTheHistogramFigures() throws IOException {
    String md = Files.readString(standardOut.resolve("table.md"));
    int at = md.indexOf("## Training-step latency (ms)");
    assertTrue(at > 0, md);
    List<String> rows = tableRows(md.substring(at));
    assertEquals(2 + 3, rows.size(), String.join("\n", rows)); // header, separator, 3 runs
    for (String row : rows.subList(2, rows.size())) {
      List<String> c = cells(row);
      int epochs = Integer.parseInt(c.get(1));
      // p50 = 90 + e over e = 1..n: median 90 + (n + 1) / 2; p99 max = 150 + 10 n
      assertEquals(String.format(java.util.Locale.ROOT, "%.1f", 90 + (epochs + 1) / 2.0),
          c.get(2), row);
      assertEquals(String.format(java.util.Locale.ROOT, "%.1f", 150.0 + 10 * epochs), c.get(4),
          row);
      assertEquals(String.format(java.util.Locale.ROOT, "%.1f", 200.0 + 20 * epochs), c.get(5),
          row);
      assertEquals("10.00", c.get(6), row);
    }
  }

  @Test
  void table_groupByNone_hasOneRowPerRun() throws IOException {
    List<RunRecord> runs = load(RunDirFixture.standardRuns(tmp.resolve("runs")));
    List<String> rows = tableRows(table(runs, Grouping.NONE));
    assertEquals(2 + 3, rows.size());
    assertEquals(List.of("baseline (seed 1)", "1", "0.600 ± 0.000 (1 run)", "92.00", "94.00",
        "7 / 15625", "0.500"), cells(rows.get(3)));
  }

  @Test
  void write_standardRuns_baselinesOfTheFirstPool_costsFromTheRunsConfig() throws IOException {
    String md = Files.readString(standardOut.resolve("table.md"));
    String section = md.substring(md.indexOf("## Baselines on the same pool"));
    // base-0's pool: 6 cells whose ground truth rises with their index
    List<Nb201Arch> archs = new ArrayList<>();
    double[] truth = new double[6];
    for (int i = 0; i < 6; i++) {
      archs.add(Nb201Arch.ofCode(1000 + 37 * i));
      truth[i] = 85.0 + 1.1 * i;
    }
    // config.yaml sets only name, seed and epochs: the defaults' data set, C and N
    RunConfig defaults = RunConfigLoader.fromDefaults(List.of());
    BaselineRanking params = BaselineRanking.of(Nb201Space.INSTANCE,
        StandaloneProtocol.skeleton(defaults.data().dataset(), defaults.supernet().channels(),
            defaults.supernet().cells()), archs, truth, AccuracyUnit.PERCENT,
        defaults.evaluate().topK()).get(0);
    assertTrue(section.contains(String.format(Locale.ROOT, "| parameters | %.3f | %.3f | %.3f |",
        params.report().sparseKendallTau(), params.report().kendallTau(),
        params.report().spearmanRho())), section);
    assertTrue(section.contains("| random |"), section);
    assertTrue(section.contains("1 run(s) scored a different pool"), "lm-0 scored 8 cells");
    JsonNode json = new ObjectMapper().readTree(standardOut.resolve("report.json").toFile());
    assertEquals("parameters", json.at("/baselines/rankings/0/name").asText());
    assertEquals(params.report().sparseKendallTau(),
        json.at("/baselines/rankings/0/skdt").asDouble(), 1e-12);
  }

  @Test
  void write_standardRuns_groupsBesideParameterCount_haveHandComputedIntervalAndP()
      throws IOException {
    String md = Files.readString(standardOut.resolve("table.md"));
    String section = md.substring(md.indexOf("Each group's final S-KdT beside ranking by"
        + " parameters"));
    double level = new ObjectMapper().readTree(standardOut.resolve("report.json").toFile())
        .at("/baselines/rankings/0/skdt").asDouble();
    // baseline: final S-KdT 0.40 and 0.60, mean 0.5, sd 0.1414, t(0.975, 1) = 12.7062:
    // interval 0.5 -+ 12.7062 * 0.1; one-sample t = (0.5 - level) / 0.1 with 1 df, whose
    // two-sided p is 1 - (2 / pi) atan |t| (the Cauchy distribution)
    double t = (0.5 - level) / 0.1;
    double p = 1 - 2 / Math.PI * Math.atan(Math.abs(t));
    int above = (0.40 > level ? 1 : 0) + (0.60 > level ? 1 : 0);
    assertTrue(section.contains(String.format(Locale.ROOT,
        "| baseline | 2 | 0.500 [%.3f, %.3f] | ", 0.5 - 1.27062, 0.5 + 1.27062)), section);
    assertTrue(section.contains(String.format(Locale.ROOT, "| %d / 2 | %s |", above,
        PairedStatistics.formatP(p))), section);
    assertTrue(section.contains("| landmark | 1 | 0.700 | "), "one run: no interval");
    JsonNode beside = new ObjectMapper().readTree(standardOut.resolve("report.json").toFile())
        .at("/baselines/beside/groups/0");
    assertEquals("baseline", beside.get("group").asText());
    assertEquals(p, beside.get("p_t").asDouble(), 1e-9);
  }

  @Test
  void write_gdasAndNaoRuns_drawTheirPolicyFigures_sposRunsNot() throws IOException {
    List<Map<String, Object>> metrics = RunDirFixture.metrics(3,
        new double[] {Double.NaN, Double.NaN, 0.5}, false);
    // a warm-up epoch without tau, then two GDAS epochs
    metrics.get(1).put("tau", 10.0);
    metrics.get(1).put("alpha_entropy", 1.6);
    metrics.get(2).put("tau", 0.1);
    metrics.get(2).put("alpha_entropy", 0.9);
    Path gdas = RunDirFixture.run(tmp.resolve("runs/gdas-0"), "gdas", 0, metrics, null);
    Path spos = RunDirFixture.run(tmp.resolve("runs/spos-0"), "spos", 0,
        RunDirFixture.metrics(3, new double[] {Double.NaN, Double.NaN, 0.4}, false), null);
    Path out = tmp.resolve("report");
    ReportOutput report = ReportWriter.write(load(List.of(gdas, spos)), Grouping.NAME, out, NOW);
    Path png = out.resolve("policy_gdas-0.png");
    assertTrue(report.files().contains(png), report.files().toString());
    assertEquals(ReportCharts.WIDTH, ImageIO.read(png.toFile()).getWidth());
    assertFalse(Files.exists(out.resolve("policy_spos-0.png")), "no GDAS, no policy plot");
    // NAO: the pool's size and the controller's loss
    List<Map<String, Object>> nao = RunDirFixture.metrics(3,
        new double[] {Double.NaN, Double.NaN, 0.5}, false);
    nao.get(1).put("nao_pool", 100);
    nao.get(1).put("controller_loss", 0.2);
    nao.get(2).put("nao_pool", 335);
    Path naoRun = RunDirFixture.run(tmp.resolve("runs/nao-0"), "nao", 0, nao, null);
    Path naoOut = tmp.resolve("report-nao");
    ReportWriter.write(load(List.of(naoRun)), Grouping.NAME, naoOut, NOW);
    assertEquals(ReportCharts.WIDTH,
        ImageIO.read(naoOut.resolve("policy_nao-0.png").toFile()).getWidth());
    JsonNode runs = new ObjectMapper().readTree(out.resolve("report.json").toFile()).get("runs");
    assertEquals("policy_gdas-0.png", runs.get(0).get("plots").get("policy").asText());
  }

  @Test
  void write_standardRuns_reportJsonHasRunsAndGroups() throws IOException {
    JsonNode json = new ObjectMapper().readTree(standardOut.resolve("report.json").toFile());
    assertEquals("2025-03-04T05:06:07Z", json.get("generated_at").asText());
    assertEquals(1, json.get("format_version").asInt());
    assertEquals("name", json.get("group_by").asText());
    assertEquals(3, json.get("runs").size());
    JsonNode base0 = json.get("runs").get(0);
    assertEquals("baseline", base0.get("name").asText());
    assertEquals(0, base0.get("seed").asInt());
    assertEquals(0.40, base0.get("final_skdt").asDouble(), 1e-12);
    assertEquals(0.40, base0.get("best_skdt").asDouble(), 1e-12);
    assertEquals(92.5, base0.get("search").get("mean_ground_truth").asDouble(), 1e-12);
    assertEquals(50, base0.get("search").get("best_rank").get("rank").asInt());
    assertEquals(1.0, base0.get("cost").get("cpu_hours").asDouble(), 1e-12);
    assertEquals("scatter_base-0.png", base0.get("plots").get("scatter").asText());
    JsonNode baseline = json.get("groups").get(0);
    assertEquals(2, baseline.get("runs").asInt());
    assertEquals(0.5, baseline.get("final_skdt").get("mean").asDouble(), 1e-12);
    assertEquals(Math.sqrt(0.02), baseline.get("final_skdt").get("std").asDouble(), 1e-12);
    assertEquals(7, baseline.get("best_rank").get("rank").asInt());
    assertEquals(1.5, baseline.get("cost").get("cpu_hours").asDouble(), 1e-12);
    assertEquals(0.7, json.get("groups").get(1).get("final_skdt").get("mean").asDouble(), 1e-12);
  }

  @Test
  void write_runWithoutPoolOrSkdt_skipsItsPlotsWithNotes() throws IOException {
    Path out = tmp.resolve("report");
    ReportOutput report = ReportWriter.write(
        List.of(RunRecord.load(RunDirFixture.plainRun(tmp.resolve("plain-2")))), Grouping.NAME,
        out, NOW);
    assertTrue(Files.exists(out.resolve("train_loss.png")));
    assertNotNull(ImageIO.read(out.resolve("train_loss.png").toFile()));
    assertFalse(Files.exists(out.resolve("skdt_vs_epoch.png")));
    assertFalse(Files.exists(out.resolve("scatter_plain-2.png")));
    assertTrue(report.notes().stream().anyMatch(n -> n.contains("skdt_vs_epoch.png")),
        report.notes().toString());
    assertTrue(report.notes().stream().anyMatch(n -> n.contains("no evaluation pool")),
        report.notes().toString());
    List<String> rows = tableRows(Files.readString(out.resolve("table.md")));
    assertEquals(List.of("plain", "1", "n/a", "n/a", "n/a", "n/a", "n/a"), cells(rows.get(2)));
    JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
    assertTrue(json.get("runs").get(0).get("final_skdt").isNull());
    assertTrue(json.get("notes").size() >= 2);
    assertNull(json.get("runs").get(0).get("plots").get("scatter"));
  }

  @Test
  void table_groupWithAnUnfinishedRun_marksPartialAggregates() throws IOException {
    List<Path> dirs = new ArrayList<>(RunDirFixture.standardRuns(tmp.resolve("runs")));
    dirs.add(RunDirFixture.run(tmp.resolve("runs").resolve("base-2"), "baseline", 2,
        RunDirFixture.metrics(2, new double[] {Double.NaN, Double.NaN}, false), null));
    List<String> baseline = cells(tableRows(table(load(dirs), Grouping.NAME)).get(2));
    assertEquals("3", baseline.get(1));
    assertEquals("0.500 ± 0.141 (2 of 3 runs)", baseline.get(2));
    assertEquals("92.25 (2 of 3 runs)", baseline.get(3));
    assertEquals("1.500 (2 of 3 runs)", baseline.get(6));
  }

  @Test
  void summarise_sameNameAndSeedTwice_getsDistinctIdsAndLabels() throws IOException {
    Path a = RunDirFixture.standardRuns(tmp.resolve("a")).get(0);
    Path b = RunDirFixture.standardRuns(tmp.resolve("b")).get(0);
    List<RunSummary> s = ReportWriter.summarise(load(List.of(a, b)), Grouping.NONE);
    assertEquals("base-0", s.get(0).id());
    assertEquals("base-0-2", s.get(1).id());
    assertEquals("baseline (seed 0)", s.get(0).label());
    assertEquals("baseline (seed 0) [base-0]", s.get(1).label());
    assertEquals(2, ReportWriter.group(s).size());
  }

  @Test
  void write_standardRuns_pairedSectionSaysOnePairIsNotEnough() throws IOException {
    String md = Files.readString(standardOut.resolve("table.md"));
    int at = md.indexOf(PairedComparisonTable.TITLE);
    assertTrue(at > 0, md);
    List<String> rows = tableRows(md.substring(at));
    assertEquals(PairedComparisonTable.HEADER, rows.get(0));
    assertEquals(List.of("landmark vs baseline", "1", "n/a", "n/a", "n/a", "n/a", "n/a", "n/a",
        "n/a"),
        cells(rows.get(2)));
    assertTrue(md.contains("- landmark vs baseline: n/a, 1 pair (seed 0); a paired test needs at"
        + " least 2 (seed 1 only in baseline)"), md);
    JsonNode paired = new ObjectMapper().readTree(standardOut.resolve("report.json").toFile())
        .get("paired");
    assertEquals("baseline", paired.get("baseline").asText());
    JsonNode c = paired.get("comparisons").get(0);
    assertEquals(1, c.get("n").asInt());
    assertEquals(0.70 - 0.40, c.get("differences").get(0).asDouble(), 1e-12);
    assertTrue(c.get("statistics").isNull());
    assertTrue(c.get("unavailable").asText().startsWith("1 pair (seed 0)"));
  }

  /**
   * The committed experiment's final S-KdT against the 6-epoch table
   * (benchmarks/results/README.md): SPOS 0.368, 0.155, 0.244 and landmarks 0.462, 0.253, 0.410
   * for seeds 0-2.
   */
  @Test
  void write_threeSeedsPerArm_pairedSectionAndJsonHaveTheHandComputedFigures()
      throws IOException {
    double[] spos = {0.368, 0.155, 0.244};
    double[] lm = {0.462, 0.253, 0.410};
    List<Path> dirs = new ArrayList<>();
    for (int seed = 0; seed < 3; seed++) {
      dirs.add(armRun("spos", seed, spos[seed]));
      dirs.add(armRun("landmarks", seed, lm[seed]));
    }
    Path out = tmp.resolve("report");
    ReportWriter.write(load(dirs), Grouping.NAME, out, NOW, java.util.Optional.empty(),
        java.util.Optional.of("spos"));

    // d = {0.094, 0.098, 0.166}: mean 0.11933, sd √(0.0032747 / 2) = 0.04046,
    // se = sd / √3 = 0.02336, t = 5.108; 2 df: p = 1 − t / √(t² + 2) = 0.036,
    // t₀.₉₇₅ = √(1.805 / 0.0975) = 4.3027, CI = mean ± 0.1005
    double mean = (0.094 + 0.098 + 0.166) / 3;
    double sd = Math.sqrt((Math.pow(0.094 - mean, 2) + Math.pow(0.098 - mean, 2)
        + Math.pow(0.166 - mean, 2)) / 2);
    double t = mean / (sd / Math.sqrt(3));
    double half = Math.sqrt(1.805 / 0.0975) * sd / Math.sqrt(3);
    String md = Files.readString(out.resolve("table.md"));
    List<String> rows = tableRows(md.substring(md.indexOf(PairedComparisonTable.TITLE)));
    assertEquals(2 + 1, rows.size(), String.join("\n", rows));
    // bootstrap: each of the 3 differences is a resample's mean alone with p 1/27 = 3.7 %, more
    // than 2.5 %, so the interval runs from the smallest to the largest difference
    assertEquals(List.of("landmarks vs spos", "3", "+0.119 ± 0.040",
        String.format(java.util.Locale.ROOT, "[%+.3f, %+.3f]", mean - half, mean + half),
        "5.11 (2)", String.format(java.util.Locale.ROOT, "%.3f", 1 - t / Math.sqrt(t * t + 2)),
        "0.250 (exact)", "0.250 (3/3)", "[+0.094, +0.166]"), cells(rows.get(2)));
    assertEquals("[+0.019, +0.220]", cells(rows.get(2)).get(3), "CI as hand-computed");
    assertEquals("0.036", cells(rows.get(2)).get(5), "p as hand-computed");
    assertTrue(md.contains("- landmarks vs spos: differences +0.094 (seed 0), +0.098 (seed 1),"
        + " +0.166 (seed 2)"), md);

    JsonNode c = new ObjectMapper().readTree(out.resolve("report.json").toFile()).get("paired")
        .get("comparisons").get(0);
    assertEquals("landmarks", c.get("arm").asText());
    assertEquals(3, c.get("n").asInt());
    assertEquals(2, c.get("seeds").get(2).asInt());
    JsonNode s = c.get("statistics");
    assertEquals(mean, s.get("mean_difference").asDouble(), 1e-12);
    assertEquals(sd, s.get("sd_difference").asDouble(), 1e-12);
    assertEquals(t, s.get("t").asDouble(), 1e-9);
    assertEquals(2, s.get("df").asInt());
    assertEquals(1 - t / Math.sqrt(t * t + 2), s.get("p_t").asDouble(), 1e-9);
    assertEquals(mean - half, s.get("ci95_t").get("low").asDouble(), 1e-9);
    assertEquals(0.25, s.get("wilcoxon").get("p").asDouble(), 1e-12);
    assertTrue(s.get("wilcoxon").get("exact").asBoolean());
    assertEquals(0.094, s.get("bootstrap_ci95").get("low").asDouble(), 1e-9);
    assertEquals(10_000, s.get("bootstrap_ci95").get("resamples").asInt());
  }

  private Path armRun(String name, int seed, double skdt) throws IOException {
    return RunDirFixture.run(tmp.resolve("runs").resolve(name + "-s" + seed), name, seed,
        RunDirFixture.metrics(4, new double[] {Double.NaN, skdt / 2, Double.NaN, skdt}, false),
        RunDirFixture.result(name, seed, skdt, RunDirFixture.pool(6, 0.0),
            RunDirFixture.search(RunDirFixture.found(93.0, 50)), 3600));
  }

  private static String table(List<RunRecord> runs, Grouping grouping) {
    List<GroupSummary> groups = ReportWriter.group(ReportWriter.summarise(runs, grouping));
    return ReportTable.markdown(groups, grouping, java.util.Optional.empty(),
        BaselineComparisons.of(groups, grouping, java.util.Optional.empty()));
  }

  /** The lines of the first Markdown table. */
  static List<String> tableRows(String markdown) {
    List<String> rows = new ArrayList<>();
    boolean in = false;
    for (String line : markdown.split("\n")) {
      if (line.startsWith("|")) {
        rows.add(line);
        in = true;
      } else if (in) {
        break;
      }
    }
    return rows;
  }

  /** The trimmed cells of one table row. */
  static List<String> cells(String row) {
    String inner = row.substring(1, row.length() - 1);
    List<String> cells = new ArrayList<>();
    for (String c : inner.split("\\|")) {
      cells.add(c.strip());
    }
    return cells;
  }

  private static boolean isBlank(BufferedImage image) {
    int first = image.getRGB(0, 0);
    for (int y = 0; y < image.getHeight(); y += 3) {
      for (int x = 0; x < image.getWidth(); x += 3) {
        if (image.getRGB(x, y) != first) {
          return false;
        }
      }
    }
    return true;
  }
}

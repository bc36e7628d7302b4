package org.landmarknas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landmarknas.report.RunDirFixture;

final class ReportCommandTest {

  @TempDir
  Path tmp;

  @Test
  void report_standardAndPlainRuns_writesFilesAndPrintsTheirPaths() throws IOException {
    List<Path> runs = RunDirFixture.standardRuns(tmp.resolve("runs"));
    Path plain = RunDirFixture.plainRun(tmp.resolve("runs").resolve("plain-2"));
    Path out = tmp.resolve("rep");
    CliRun r = CliRun.standard("report", "--out", out.toString(), runs.get(0).toString(),
        runs.get(1).toString(), runs.get(2).toString(), plain.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().startsWith("report of 4 runs in " + out), r.out());
    for (String name : List.of("report.json", "table.md", "skdt_vs_epoch.png", "train_loss.png",
        "scatter_lm-0.png", "lambda_lm-0.png")) {
      assertTrue(r.out().contains(out.resolve(name).toString()), name + " not in\n" + r.out());
    }
    BufferedImage png = ImageIO.read(out.resolve("skdt_vs_epoch.png").toFile());
    assertNotNull(png);
    assertTrue(png.getWidth() >= 400 && png.getHeight() >= 300);
    // the run without pool is reported, its plots skipped with a note on stderr
    assertTrue(r.err().contains("note: run plain (seed 2): no evaluation pool"), r.err());
    String table = Files.readString(out.resolve("table.md"));
    assertTrue(table.contains("| plain | 1 | n/a | n/a | n/a | n/a | n/a |"), table);
    JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
    assertEquals(4, json.get("runs").size());
    assertEquals(3, json.get("groups").size());
  }

  @Test
  void report_groundTruth_recomputesEveryRunAgainstTheFile() throws IOException {
    List<Path> runs = RunDirFixture.standardRuns(tmp.resolve("runs"));
    ObjectMapper json = new ObjectMapper();
    for (Path run : runs) {
      JsonNode pool = json.readTree(run.resolve("result.json").toFile()).get("pool");
      for (int epoch : new int[] {2, 4}) {
        json.writeValue(run.resolve(String.format("pool-epoch-%04d.json", epoch)).toFile(),
            java.util.Map.of("epoch", epoch, "pool", pool));
      }
    }
    // the fixture's pools rise with their ground truth; this file reverses it
    StringBuilder csv = new StringBuilder("arch,score\n");
    for (int i = 0; i < 8; i++) {
      csv.append(org.landmarknas.space.Nb201Arch.ofCode(1000 + 37 * i)).append(',')
          .append(90.0 - 1.5 * i).append('\n');
    }
    Path truth = tmp.resolve("reversed.csv");
    Files.writeString(truth, csv);
    Path out = tmp.resolve("rep");

    CliRun r = CliRun.standard("report", "--ground-truth", truth.toString(), "--out",
        out.toString(), tmp.resolve("runs").toString());

    assertEquals(0, r.exitCode(), r.err());
    String table = Files.readString(out.resolve("table.md"));
    assertTrue(table.contains("Ground truth: `" + truth + "`, replacing each run's own"), table);
    JsonNode report = json.readTree(out.resolve("report.json").toFile());
    assertEquals(truth.toString(), report.get("ground_truth").asText());
    for (JsonNode run : report.get("runs")) {
      assertTrue(run.get("final_skdt").asDouble() < 0, run.toString());
    }

    Files.delete(runs.get(2).resolve("pool-epoch-0004.json"));
    CliRun missing = CliRun.standard("report", "--ground-truth", truth.toString(), "--out",
        tmp.resolve("rep2").toString(), tmp.resolve("runs").toString());
    assertEquals(2, missing.exitCode());
    assertTrue(missing.err().contains("pool-epoch-0004.json is missing"), missing.err());
    assertTrue(Files.notExists(tmp.resolve("rep2")), "nothing written before every run is read");
  }

  @Test
  void report_parentDirectory_reportsEveryRunInIt() throws IOException {
    RunDirFixture.standardRuns(tmp.resolve("runs"));
    Path out = tmp.resolve("rep");
    CliRun r = CliRun.standard("report", "--group-by", "none", "--out", out.toString(),
        tmp.resolve("runs").toString());
    assertEquals(0, r.exitCode(), r.err());
    JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
    assertEquals("none", json.get("group_by").asText());
    assertEquals(3, json.get("groups").size());
  }

  @Test
  void report_missingRunDirectory_exitsTwoNamingIt() throws IOException {
    Path run = RunDirFixture.standardRuns(tmp.resolve("runs")).get(0);
    Path missing = tmp.resolve("runs").resolve("no-such-run");
    Path out = tmp.resolve("rep");
    CliRun r = CliRun.standard("report", "--out", out.toString(), run.toString(),
        missing.toString());
    assertEquals(Main.EXIT_USAGE, r.exitCode());
    assertTrue(r.oneLineError(), r.err());
    assertTrue(r.err().startsWith("lmnas report: error: ") && r.err().contains(missing.toString()),
        r.err());
    assertTrue(Files.notExists(out), "nothing is written when a run is missing");
  }

  @Test
  void report_malformedResult_exitsTwoNamingTheFile() throws IOException {
    Path run = RunDirFixture.standardRuns(tmp.resolve("runs")).get(0);
    Files.writeString(run.resolve("result.json"), "{ not json");
    CliRun r = CliRun.standard("report", "--out", tmp.resolve("rep").toString(), run.toString());
    assertEquals(Main.EXIT_USAGE, r.exitCode());
    assertTrue(r.err().contains(run.resolve("result.json").toString()), r.err());
  }

  @Test
  void report_badUsage_exitsTwo() throws IOException {
    Path run = RunDirFixture.standardRuns(tmp.resolve("runs")).get(0);
    CliRun none = CliRun.standard("report");
    assertEquals(Main.EXIT_USAGE, none.exitCode());
    assertTrue(none.err().contains("missing RUN_DIR"), none.err());
    CliRun grouping = CliRun.standard("report", "--group-by", "seed", run.toString());
    assertEquals(Main.EXIT_USAGE, grouping.exitCode());
    assertTrue(grouping.err().contains("allowed: name, none"), grouping.err());
    CliRun twice = CliRun.standard("report", "--out", tmp.resolve("rep").toString(),
        run.toString(), run.toString());
    assertEquals(Main.EXIT_USAGE, twice.exitCode());
    assertTrue(twice.err().contains("given twice"), twice.err());
  }

  @Test
  void report_baseline_pairsEveryOtherArmWithIt() throws IOException {
    List<Path> runs = RunDirFixture.standardRuns(tmp.resolve("runs"));
    Path out = tmp.resolve("rep");
    CliRun r = CliRun.standard("report", "--out", out.toString(), "--baseline", "landmark",
        runs.get(0).toString(), runs.get(1).toString(), runs.get(2).toString());
    assertEquals(0, r.exitCode(), r.err());
    String table = Files.readString(out.resolve("table.md"));
    assertTrue(table.contains("| baseline vs landmark | 1 | n/a |"), table);
    JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
    assertEquals("landmark", json.get("paired").get("baseline").asText());
  }

  @Test
  void report_unknownBaseline_exitsTwoListingTheNames() throws IOException {
    List<Path> runs = RunDirFixture.standardRuns(tmp.resolve("runs"));
    Path out = tmp.resolve("rep");
    CliRun r = CliRun.standard("report", "--out", out.toString(), "--baseline", "spos",
        runs.get(0).toString(), runs.get(2).toString());
    assertEquals(Main.EXIT_USAGE, r.exitCode());
    assertTrue(r.err().contains("--baseline spos: no run of that name (names: baseline,"
        + " landmark)"), r.err());
    assertTrue(Files.notExists(out), "nothing is written for a mistyped baseline");
  }

  @Test
  void report_withoutOut_writesTimestampedDirectoryUnderRoot() throws IOException {
    Path run = RunDirFixture.standardRuns(tmp.resolve("runs")).get(2);
    Clock clock = Clock.fixed(Instant.parse("2025-03-04T05:06:07Z"), ZoneOffset.UTC);
    CliRun r = CliRun.of(new CommandRegistry().register(new ReportCommand(clock,
        tmp.resolve("reports"))), "report", run.toString());
    assertEquals(0, r.exitCode(), r.err());
    Path expected = tmp.resolve("reports").resolve("report-20250304-050607");
    assertTrue(Files.isRegularFile(expected.resolve("table.md")), r.out());
  }

  @Test
  void help_printsUsage() {
    CliRun r = CliRun.standard("report", "--help");
    assertEquals(0, r.exitCode());
    assertTrue(r.out().startsWith("usage: lmnas report"), r.out());
    assertTrue(r.out().contains("--group-by") && r.out().contains("--out"), r.out());
  }
}

package org.landmarknas.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run files of the committed recorded run ({@code torch/recorded-run/}, written by the
 * engine in format version 1) read into the records and written back: nothing is lost, and
 * {@code result.json} and every metrics line come back byte for byte.
 */
final class RecordedRunFilesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private static Path recorded(String file) throws URISyntaxException {
    return Path.of(RecordedRunFilesTest.class
        .getResource("/org/landmarknas/torch/recorded-run/" + file).toURI());
  }

  @Test
  void resultJson_readAndWrittenBack_isTheSameFile() throws Exception {
    Path file = recorded("result.json");
    RunResult result = RunFiles.readResult(file);
    byte[] written = RunFiles.encode(result);
    assertEquals(JSON.readTree(file.toFile()), JSON.readTree(written));
    assertEquals(Files.readString(file), new String(written, StandardCharsets.UTF_8));
    assertEquals(1, result.formatVersion());
    assertEquals(12, result.pool().size());
    assertNull(result.search().top().get(0).groundTruthRank()); // written as null
  }

  @Test
  void metricsLines_readAndWrittenBack_areTheSameLines() throws Exception {
    Path file = recorded("metrics.jsonl");
    List<String> lines = Files.readAllLines(file);
    List<EpochRecord> records = RunFiles.readMetrics(file);
    assertEquals(lines.size(), records.size());
    for (int i = 0; i < lines.size(); i++) {
      assertEquals(lines.get(i),
          new String(RunFiles.encode(records.get(i)), StandardCharsets.UTF_8));
    }
    assertTrue(records.get(0).landmarkLoss().isNaN()); // written as "NaN" before the warm-up
  }

  @Test
  void poolScorings_readAndWrittenBack_areTheSameTrees() throws Exception {
    for (int epoch = 1; epoch <= 3; epoch++) {
      Path file = recorded(RunDirectory.poolScoresFileName(epoch));
      PoolScoring scoring = RunFiles.readPoolScoring(file);
      assertEquals(epoch, scoring.epoch());
      // a tree, not bytes: the engine wrote these keys in no fixed order
      assertEquals(JSON.readTree(file.toFile()), JSON.readTree(RunFiles.encode(scoring)));
    }
  }

  @Test
  void resultJson_writtenAndReadAgain_givesAnEqualRecord() throws Exception {
    RunResult result = RunFiles.readResult(recorded("result.json"));
    Path copy = Files.write(tmp.resolve("result.json"), RunFiles.encode(result));
    assertEquals(result, RunFiles.readResult(copy));
  }
}

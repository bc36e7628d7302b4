package org.landmarknas.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train.device}: the CPU by default, a GPU by name or index, anything else refused. */
final class DeviceConfigTest {

  @Test
  void default_isTheCpu() {
    assertEquals("cpu", RunConfig.defaults().train().device());
  }

  @Test
  void gpuNames_areAccepted() {
    for (String d : List.of("cuda", "cuda:0", "cuda:7", "cuda:15")) {
      assertEquals(d, RunConfigLoader.fromDefaults(List.of("train.device=" + d)).train()
          .device());
      assertTrue(TrainConfig.isDevice(d), d);
    }
  }

  @Test
  void otherValues_areRefusedNamingTheKeyAndTheChoices() {
    for (String d : List.of("gpu", "CUDA", "cuda:01", "cuda:-1", "cuda:x", "mps")) {
      ConfigException e = assertThrows(ConfigException.class,
          () -> RunConfigLoader.fromDefaults(List.of("train.device=" + d)), d);
      assertTrue(e.getMessage().contains("train.device")
          && e.getMessage().contains("cpu, cuda or cuda:N"), e.getMessage());
      assertFalse(TrainConfig.isDevice(d), d);
    }
    // "cuda:" reads as a YAML mapping; the record refuses it too
    assertFalse(TrainConfig.isDevice("cuda:"));
    assertFalse(TrainConfig.isDevice(""));
    assertFalse(TrainConfig.isDevice(null));
  }

  @Test
  void yaml_roundTripsTheDevice(@TempDir Path tmp) throws IOException {
    RunConfig c = RunConfigLoader.fromDefaults(List.of("train.device=cuda:1"));
    Path file = Files.writeString(tmp.resolve("c.yaml"), RunConfigLoader.toYaml(c));
    assertEquals(c, RunConfigLoader.load(file, List.of()));
  }
}

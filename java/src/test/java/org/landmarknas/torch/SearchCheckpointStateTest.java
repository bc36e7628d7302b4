package org.landmarknas.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class SearchCheckpointStateTest {

  private static final Path FILE = Path.of("run/checkpoints/epoch-0003/state.json");

  private static Map<String, Object> json() {
    return new LinkedHashMap<>(new SearchCheckpoint.State(3, 30, 12.5, 1.25, List.of(),
        Optional.empty(), 0, 20, 19).toJson());
  }

  @Test
  void fromJson_roundTripsTheCounters() {
    SearchCheckpoint.State s = SearchCheckpoint.State.fromJson(json(), FILE);
    assertEquals(3, s.epochsDone());
    assertEquals(30, s.steps());
    assertEquals(1.25, s.lastLoss());
  }

  @Test
  void fromJson_otherFormatVersion_refusedNamingFileAndVersions() {
    Map<String, Object> m = json();
    m.put("format_version", 2);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SearchCheckpoint.State.fromJson(m, FILE));
    assertTrue(e.getMessage().contains(FILE + " has format_version 2, this build reads 1"),
        e.getMessage());
  }
}

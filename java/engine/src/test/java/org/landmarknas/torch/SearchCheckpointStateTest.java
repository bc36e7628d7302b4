package org.landmarknas.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;

final class SearchCheckpointStateTest {

  private static final Path FILE = Path.of("run/checkpoints/epoch-0003/state.json");

  private static Map<String, Object> json() {
    return new LinkedHashMap<>(new SearchCheckpoint.State<Nb201Arch>(3, 30, 12.5, 1.25,
        List.of(), Optional.empty(), 0, 20, 19).toJson(Nb201Space.INSTANCE));
  }

  @Test
  void fromJson_roundTripsTheCounters() {
    SearchCheckpoint.State<Nb201Arch> s =
        SearchCheckpoint.State.fromJson(json(), FILE, Nb201Space.INSTANCE);
    assertEquals(3, s.epochsDone());
    assertEquals(30, s.steps());
    assertEquals(1.25, s.lastLoss());
  }

  @Test
  void fromJson_roundTripsContinueModesPendingLandmarks() {
    Nb201Arch a = Nb201Arch.ofCode(1234);
    Nb201Arch b = Nb201Arch.ofCode(4321);
    Map<String, Object> m = new SearchCheckpoint.State<Nb201Arch>(3, 30, 12.5, 1.25, List.of(),
        Optional.empty(), 0, 20, 19, List.of(a, b)).toJson(Nb201Space.INSTANCE);
    assertEquals(List.of(a.toString(), b.toString()), m.get("pending_landmarks"));
    assertEquals(List.of(a, b), SearchCheckpoint.State.fromJson(m, FILE, Nb201Space.INSTANCE)
        .pendingLandmarks());
    assertFalse(json().containsKey("pending_landmarks"), "absent when nothing is pending");
    assertEquals(List.of(), SearchCheckpoint.State.fromJson(json(), FILE, Nb201Space.INSTANCE)
        .pendingLandmarks());
  }

  @Test
  void fromJson_otherFormatVersion_refusedNamingFileAndVersions() {
    Map<String, Object> m = json();
    m.put("format_version", 2);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SearchCheckpoint.State.fromJson(m, FILE, Nb201Space.INSTANCE));
    assertTrue(e.getMessage().contains(FILE + " has format_version 2, this build reads 1"),
        e.getMessage());
  }
}

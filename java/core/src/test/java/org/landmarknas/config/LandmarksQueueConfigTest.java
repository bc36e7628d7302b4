package org.landmarknas.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code landmarks.queue*} keys: defaults that change nothing, strict checks. */
final class LandmarksQueueConfigTest {

  private static RunConfig load(String... overrides) {
    return RunConfigLoader.fromDefaults(List.of(overrides));
  }

  private static ConfigException rejected(String key, String... overrides) {
    ConfigException e = assertThrows(ConfigException.class, () -> load(overrides));
    assertEquals(key, e.key().orElseThrow(), e.getMessage());
    return e;
  }

  @Test
  void defaults_noQueue() {
    LandmarksConfig lc = LandmarksConfig.defaults();
    assertEquals("none", lc.queue());
    assertEquals(null, lc.queueProtocol());
    assertEquals(10.0, lc.queuePollSeconds());
    assertFalse(lc.queued());
  }

  @Test
  void queue_replacesTheGroundTruthOfLaterRounds() {
    RunConfig c = load("train.epochs=2", "landmarks.file=lm.csv", "landmarks.rounds=2",
        "landmarks.queue=continue", "landmarks.queue-protocol=fmnist-c4n1-e1",
        "landmarks.queue-poll-seconds=0.5");
    assertTrue(c.landmarks().queued());
    assertEquals("fmnist-c4n1-e1", c.landmarks().queueProtocol());
    ConfigException e = rejected("landmarks.rounds", "train.epochs=2", "landmarks.file=lm.csv",
        "landmarks.rounds=2");
    assertTrue(e.getMessage().contains("landmarks.queue"), e.getMessage());
  }

  @Test
  void badValues_rejectedNamingTheKey() {
    ConfigException mode = rejected("landmarks.queue", "landmarks.queue=later");
    assertTrue(mode.getMessage().contains("none, wait, continue"), mode.getMessage());
    rejected("landmarks.queue-protocol", "landmarks.queue=wait");
    rejected("landmarks.queue-protocol", "landmarks.queue-protocol=has space");
    rejected("landmarks.queue-poll-seconds", "landmarks.queue-poll-seconds=0");
  }
}

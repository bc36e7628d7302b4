package org.landmarknas.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The metrics fields that measure wall-clock time: the only ones in which a resumed run may
 * differ from the uninterrupted one. Resume tests compare the metrics without them.
 */
public final class WallClockFields {
  /** Seconds, rates and step latencies of an epoch line, and the time of NAO's point. */
  public static final Set<String> KEYS = Set.of("seconds", "steps_per_s", "step_ms_p50",
      "step_ms_p90", "step_ms_p99", "step_ms_max", "pool_seconds", "nao_seconds");

  private WallClockFields() {}

  /** Copies of the lines without the wall-clock fields, in order. */
  public static List<Map<String, Object>> removedFrom(List<Map<String, Object>> metrics) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> m : metrics) {
      Map<String, Object> copy = new LinkedHashMap<>(m);
      copy.keySet().removeAll(KEYS);
      out.add(copy);
    }
    return out;
  }
}

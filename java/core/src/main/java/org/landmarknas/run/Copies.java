package org.landmarknas.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Unmodifiable copies of the lists and maps in run-file records, where null means "not in the
 * file". Not {@code List.copyOf} / {@code Map.copyOf}: a config map holds null values
 * ({@code dir: null}) and keeps its key order.
 */
final class Copies {
  private Copies() {}

  static <T> List<T> list(List<T> list) {
    return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
  }

  static <K, V> Map<K, V> map(Map<K, V> map) {
    return map == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}

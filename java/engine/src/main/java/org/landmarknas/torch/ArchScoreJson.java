package org.landmarknas.torch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.landmarknas.search.ArchScore;
import org.landmarknas.space.SearchSpace;

/**
 * Super-net scores as checkpoint JSON holds them ({@code state.json}'s last pool, NAO's pool
 * file): one object per score, {@code arch} in the space's notation, {@code accuracy}, {@code
 * loss} and {@code samples}.
 */
final class ArchScoreJson {
  private ArchScoreJson() {}

  /** The scores as JSON objects, in order. */
  static <A> List<Map<String, Object>> write(SearchSpace<A> space, List<ArchScore<A>> scores) {
    List<Map<String, Object>> out = new ArrayList<>(scores.size());
    for (ArchScore<A> s : scores) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("arch", space.format(s.arch()));
      e.put("accuracy", s.accuracy());
      e.put("loss", s.loss());
      e.put("samples", s.samples());
      out.add(e);
    }
    return out;
  }

  /**
   * What {@link #write} wrote, parsed back.
   *
   * @throws RuntimeException (class cast, null) when an entry lacks a field; callers name the file
   */
  @SuppressWarnings("unchecked")
  static <A> List<ArchScore<A>> read(SearchSpace<A> space, List<?> entries) {
    List<ArchScore<A>> scores = new ArrayList<>(entries.size());
    for (Object o : entries) {
      Map<String, Object> e = (Map<String, Object>) o;
      scores.add(new ArchScore<>(space.parse((String) e.get("arch")),
          ((Number) e.get("accuracy")).doubleValue(), ((Number) e.get("loss")).doubleValue(),
          ((Number) e.get("samples")).intValue()));
    }
    return scores;
  }
}

package org.landmarknas.torch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.landmarknas.run.JsonCodec;
import org.landmarknas.search.ArchScore;
import org.landmarknas.space.SearchSpace;

/**
 * What NAO's policy keeps between controller points: the pool the weights train on and the
 * scores of the last point, best first (the finalists come from them), and their checkpoint
 * file {@value #FILE}, architectures in the space's notation.
 *
 * @param <A> the architecture type of the space
 * @param pool the pool paths are drawn from (empty before the first point)
 * @param scores the last point's scores, best first
 */
record NaoState<A>(List<A> pool, List<ArchScore<A>> scores) {
  static final String FILE = "nao-pool.json";

  NaoState {
    pool = List.copyOf(pool);
    scores = List.copyOf(scores);
  }

  static <A> NaoState<A> empty() {
    return new NaoState<>(List.of(), List.of());
  }

  /** Writes {@value #FILE} into checkpoint directory {@code dir}. */
  void save(SearchSpace<A> space, Path dir) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("pool", pool.stream().map(space::format).toList());
    m.put("scores", ArchScoreJson.write(space, scores));
    try {
      Files.write(dir.resolve(FILE), JsonCodec.pretty(m));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + dir.resolve(FILE), e);
    }
  }

  /** Reads what {@link #save} wrote into {@code dir}. */
  @SuppressWarnings("unchecked")
  static <A> NaoState<A> restore(SearchSpace<A> space, Path dir) {
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("checkpoint " + dir + " lacks " + FILE
          + " (written by a run without search.policy: nao?)");
    }
    try {
      Map<String, Object> m = JsonCodec.parseObject(Files.readString(file,
          StandardCharsets.UTF_8));
      List<A> pool = new ArrayList<>();
      for (Object o : (List<Object>) m.get("pool")) {
        pool.add(space.parse((String) o));
      }
      return new NaoState<>(pool, ArchScoreJson.read(space, (List<?>) m.get("scores")));
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("cannot load NAO pool " + file + ": " + e.getMessage(),
          e);
    }
  }
}

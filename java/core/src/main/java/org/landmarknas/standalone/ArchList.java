package org.landmarknas.standalone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.landmarknas.space.SearchSpace;

/**
 * Architectures to train or to score, as a file names them: one per line in its space's notation,
 * blank lines skipped (the {@code --archs} files of {@code lmnas standalone}, e.g.
 * {@code benchmarks/data/nb201-fmnist-evaluation.txt}).
 *
 * @param <A> the architecture type of the space
 * @param source where the list comes from, for messages
 * @param space the space whose notation the file is in
 * @param archs the architectures, in the file's order
 */
public record ArchList<A>(String source, SearchSpace<A> space, List<A> archs) {

  public ArchList {
    archs = List.copyOf(archs);
  }

  /**
   * Reads a list file of {@code space}'s architectures.
   *
   * @throws IllegalArgumentException naming the file and line of a malformed architecture
   */
  public static <A> ArchList<A> read(Path file, SearchSpace<A> space) throws IOException {
    List<A> archs = new ArrayList<>();
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      try {
        archs.add(space.parse(line));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return new ArchList<>(file.toString(), space, archs);
  }

  /**
   * This list, when every cell has a path from input to output ({@link
   * SearchSpace#isTrainable}). A cell without one makes a network that outputs a constant (10 %
   * accuracy by construction), and every worker claiming it would fail.
   *
   * @throws IllegalArgumentException naming the source and the first such cell
   */
  public ArchList<A> requireTrainable() {
    for (A a : archs) {
      if (!space.isTrainable(a)) {
        throw new IllegalArgumentException(source + ": " + space.format(a)
            + " has no path from input to output"
            + " (its network computes a constant); remove it from the list");
      }
    }
    return this;
  }
}

package org.landmarknas.standalone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.landmarknas.space.Nb201Arch;

/**
 * Architectures to train or to score, as a file names them: one NB201 string per line, blank
 * lines skipped (the {@code --archs} files of {@code lmnas standalone}, e.g.
 * {@code benchmarks/data/nb201-fmnist-evaluation.txt}).
 *
 * @param source where the list comes from, for messages
 * @param archs the architectures, in the file's order
 */
public record ArchList(String source, List<Nb201Arch> archs) {

  public ArchList {
    archs = List.copyOf(archs);
  }

  /**
   * Reads a list file.
   *
   * @throws IllegalArgumentException naming the file and line of a malformed architecture
   */
  public static ArchList read(Path file) throws IOException {
    List<Nb201Arch> archs = new ArrayList<>();
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      try {
        archs.add(Nb201Arch.parse(line));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return new ArchList(file.toString(), archs);
  }

  /**
   * This list, when every cell has a path from input to output. A cell without one makes a
   * network that outputs a constant (10 % accuracy by construction), and every worker claiming it
   * would fail.
   *
   * @throws IllegalArgumentException naming the source and the first such cell
   */
  public ArchList requireTrainable() {
    for (Nb201Arch a : archs) {
      if (!a.isConnected()) {
        throw new IllegalArgumentException(source + ": " + a + " has no path from input to output"
            + " (its network computes a constant); remove it from the list");
      }
    }
    return this;
  }
}

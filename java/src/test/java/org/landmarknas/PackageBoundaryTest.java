package org.landmarknas;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The pure-Java core (space, data, config, landmarks, schedules, metrics, search) must never see a
 * libtorch type: that keeps it embeddable and its tests fast. Only {@code org.landmarknas.torch}
 * and the CLI may import {@code org.bytedeco}.
 */
final class PackageBoundaryTest {

  @Test
  void onlyTorchAndCliImportBytedeco() throws IOException {
    Path root = Path.of("src/main/java/org/landmarknas");
    assertTrue(Files.isDirectory(root), "run from the java/ module directory");
    List<String> offenders;
    try (Stream<Path> files = Files.walk(root)) {
      offenders = files.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> {
            String pkg = root.relativize(p).getName(0).toString();
            return !pkg.equals("torch") && !pkg.equals("cli");
          })
          .filter(p -> {
            try {
              return Files.readString(p).contains("org.bytedeco");
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          })
          .map(Path::toString)
          .collect(Collectors.toList());
    }
    assertTrue(offenders.isEmpty(), "libtorch types outside org.landmarknas.torch: " + offenders);
  }
}

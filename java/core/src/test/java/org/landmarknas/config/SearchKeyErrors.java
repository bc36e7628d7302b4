package org.landmarknas.config;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Asserts that a bad {@code search} key is an error naming its file, line and key. */
final class SearchKeyErrors {
  private SearchKeyErrors() {}

  /** Each {@code key: value}, alone in a search section of a file in {@code dir}. */
  static void assertEachIsAnErrorAtItsLine(Path dir, String... keyValues) throws IOException {
    int n = 0;
    for (String key : keyValues) {
      Path f = dir.resolve("bad-search-key-" + n++ + ".yaml");
      Files.writeString(f, "search:\n  " + key + "\n", StandardCharsets.UTF_8);
      ConfigException e = assertThrows(ConfigException.class,
          () -> RunConfigLoader.load(f, List.of()));
      String name = "search." + key.substring(0, key.indexOf(':'));
      assertTrue(e.getMessage().startsWith(f + ":2: " + name + ":"), e.getMessage());
    }
  }
}

package org.landmarknas.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;

/** {@code lmnas space}: what the shell sees agrees with the library it wraps. */
final class SpaceCliTest {

  @TempDir
  Path work;

  @Test
  void info_printsSpaceSizeAndCanonicalClassCount() {
    CliProcess.Result r = CliProcess.run(work, "space", "info");

    assertEquals(0, r.exitCode(), r.describe());
    List<String> lines = r.out().lines().toList();
    assertTrue(lines.contains("architectures: 15625"), r.describe());
    assertTrue(lines.contains("canonical classes: " + Nb201Space.INSTANCE.distinctClassCount()),
        r.describe());
    assertTrue(lines.contains("edges: 6 (1<-0, 2<-0, 2<-1, 3<-0, 3<-1, 3<-2)"), r.describe());
    assertEquals("", r.err(), r.describe());
  }

  @Test
  void canonical_deadEdges_printsTheLibrarysRepresentative() {
    // The conv on 1<-0 feeds nothing (3<-1 and 2<-1 are none): its canonical form drops it.
    Nb201Arch arch = Nb201Arch.parse(
        "|nor_conv_3x3~0|+|none~0|none~1|+|skip_connect~0|none~1|nor_conv_1x1~2|");

    CliProcess.Result r = CliProcess.run(work, "space", "canonical", "--arch", arch.toString());

    assertEquals(0, r.exitCode(), r.describe());
    List<String> lines = r.out().lines().toList();
    Nb201Arch canonical = Nb201Space.INSTANCE.canonical(arch);
    assertNotEquals(arch, canonical);
    assertEquals(List.of("canonical: " + canonical,
        "key: " + Nb201Space.INSTANCE.canonicalKey(arch)), lines);
  }

  @Test
  void sample_sameSeed_sameParseableArchitectures() {
    CliProcess.Result a = CliProcess.run(work, "space", "sample", "--count", "5", "--seed", "3");
    CliProcess.Result b = CliProcess.run(work, "space", "sample", "--count", "5", "--seed", "3");

    assertEquals(0, a.exitCode(), a.describe());
    List<String> lines = a.out().lines().toList();
    assertEquals(5, lines.size(), a.describe());
    for (String line : lines) {
      assertEquals(line, Nb201Arch.parse(line).toString());
    }
    assertEquals(a.out(), b.out());
  }
}

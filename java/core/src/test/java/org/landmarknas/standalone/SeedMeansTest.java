package org.landmarknas.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;

final class SeedMeansTest {
  private final List<Nb201Arch> archs =
      Nb201Space.INSTANCE.sampleDistinct(3, new SplittableRandom(4));
  private final Map<String, StandaloneResult<Nb201Arch>> stored = new HashMap<>();

  private void put(Nb201Arch arch, long seed, double testAccuracy) {
    stored.put(arch + "/" + seed, new StandaloneResult<>(arch, "p", seed, 0.8, 0.5, testAccuracy,
        0.5, 1, 1));
  }

  private SeedMeans<Nb201Arch> means(List<Nb201Arch> of, List<Long> seeds) {
    return SeedMeans.of(of, seeds, (a, sd) -> Optional.ofNullable(stored.get(a + "/" + sd)));
  }

  @Test
  void write_meanInPercentOverTheSeeds_inTheListsOrder() {
    put(archs.get(0), 0, 0.80);
    put(archs.get(0), 1, 0.801);
    put(archs.get(1), 0, 0.82);
    put(archs.get(1), 1, 0.821);
    SeedMeans<Nb201Arch> m = means(List.of(archs.get(1), archs.get(0)), List.of(0L, 1L));
    assertEquals(List.of(), m.gaps());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    m.write(Nb201Space.INSTANCE, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String nl = System.lineSeparator();
    assertEquals("arch,score" + nl + archs.get(1) + ",82.0500" + nl + archs.get(0) + ",80.0500"
        + nl, bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void gaps_everyMissingSeed_inOrder_andWriteRefuses() {
    put(archs.get(0), 0, 0.80);
    put(archs.get(1), 1, 0.82);
    SeedMeans<Nb201Arch> m = means(archs, List.of(0L, 1L));
    assertEquals(List.of(new SeedMeans.Gap<>(archs.get(0), 1), new SeedMeans.Gap<>(archs.get(1), 0),
        new SeedMeans.Gap<>(archs.get(2), 0), new SeedMeans.Gap<>(archs.get(2), 1)), m.gaps());
    assertEquals(3, m.incomplete());
    assertEquals(Double.NaN, m.means().get(0));
    PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    assertThrows(IllegalStateException.class, () -> m.write(Nb201Space.INSTANCE, sink));
    assertThrows(IllegalArgumentException.class, () -> means(archs, List.of()));
  }
}

package org.landmarknas.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;

final class ArchListTest {
  private static final String A =
      "|nor_conv_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|skip_connect~0|nor_conv_3x3~1|"
          + "avg_pool_3x3~2|";
  private static final String CONSTANT = "|nor_conv_3x3~0|+|none~0|none~1|+|none~0|none~1|none~2|";

  @TempDir Path dir;

  @Test
  void read_skipsBlankLines_namesTheLineOfABadOne() throws Exception {
    Path file = Files.writeString(dir.resolve("a.txt"), "\n" + A + "\n  \n" + CONSTANT + "\n");
    ArchList<Nb201Arch> list = ArchList.read(file, Nb201Space.INSTANCE);
    assertEquals(List.of(Nb201Arch.parse(A), Nb201Arch.parse(CONSTANT)), list.archs());
    assertEquals(file.toString(), list.source());

    Files.writeString(file, A + "\n|bad~0|\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ArchList.read(file, Nb201Space.INSTANCE));
    assertEquals(file + ":2: ", e.getMessage().substring(0, file.toString().length() + 4));
  }

  @Test
  void requireTrainable_refusesACellWithoutPath() {
    var good = new ArchList<>("x", Nb201Space.INSTANCE, List.of(Nb201Arch.parse(A)));
    assertSame(good, good.requireTrainable());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ArchList<>("x.txt", Nb201Space.INSTANCE,
            List.of(Nb201Arch.parse(A), Nb201Arch.parse(CONSTANT)))
            .requireTrainable());
    assertEquals("x.txt: " + CONSTANT + " has no path from input to output (its network"
        + " computes a constant); remove it from the list", e.getMessage());
  }
}

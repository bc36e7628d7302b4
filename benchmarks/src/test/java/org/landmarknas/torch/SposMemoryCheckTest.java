package org.landmarknas.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

final class SposMemoryCheckTest {

  @Test
  void vmRssKiB_statusLines_readsTheRssLine() {
    List<String> lines = List.of("Name:\tjava", "VmHWM:\t  900000 kB", "VmRSS:\t  812345 kB",
        "RssAnon:\t  700000 kB");
    assertEquals(812345, SposMemoryCheck.vmRssKiB(lines));
  }

  @Test
  void vmRssKiB_missingOrMalformed_throws() {
    assertThrows(IllegalArgumentException.class,
        () -> SposMemoryCheck.vmRssKiB(List.of("VmHWM:\t 1 kB")));
    assertThrows(IllegalArgumentException.class,
        () -> SposMemoryCheck.vmRssKiB(List.of("VmRSS:\t 12 MB")));
  }

  @Test
  void residentKiB_thisProcess_isPlausible() {
    long kib = SposMemoryCheck.residentKiB();
    assertTrue(kib > 1024 && kib < 64L * 1024 * 1024, "RSS " + kib + " KiB");
  }

  @Test
  void growth_relativeToBaseline() {
    assertEquals(0.15, SposMemoryCheck.growth(1000, 1150), 1e-12);
    assertEquals(-0.5, SposMemoryCheck.growth(1000, 500), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> SposMemoryCheck.growth(0, 10));
  }
}

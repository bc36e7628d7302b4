package org.landmarknas.nativekernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import org.bytedeco.javacpp.Loader;
import org.junit.jupiter.api.Test;

final class LmnasKernelsTest {

  @Test
  void load_findsTheLibraryInThePlatformFolder() {
    String path = Loader.load(LmnasKernels.class);
    assertNotNull(path, "Loader.load found no library");
    File file = new File(path);
    assertTrue(file.isFile(), path);
    assertEquals("libjniLmnasKernels.so", file.getName());
    // Standard JavaCPP layout: the class's package folder, then the platform.
    assertNotNull(LmnasKernels.class.getResource(Loader.getPlatform() + "/libjniLmnasKernels.so"),
        "library not on the class path under " + Loader.getPlatform());
  }

  @Test
  void load_callsReachTheKernels() {
    LmnasKernels.load();
    double[] tau = new double[1];
    assertEquals(LmnasKernels.OK, LmnasKernels.kendallTauB(new double[] {1, 2, 3},
        new double[] {1, 3, 2}, 3, tau));
    assertEquals(1.0 / 3.0, tau[0], 1e-15);
    assertEquals(LmnasKernels.EINVAL, LmnasKernels.kendallTauB(new double[] {1},
        new double[] {1}, -1, tau));
  }
}

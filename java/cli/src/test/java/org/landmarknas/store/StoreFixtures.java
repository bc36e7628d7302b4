package org.landmarknas.store;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;
import org.landmarknas.standalone.StandaloneResult;

/** Architectures from distinct equivalence classes and fake results for store tests. */
final class StoreFixtures {

  static final String PROTOCOL = "test-protocol";

  private StoreFixtures() {}

  /** {@code n} canonical architectures, no two equivalent. */
  static List<Nb201Arch> distinctArchs(int n) {
    Set<Nb201Arch> out = new LinkedHashSet<>();
    for (int code = 0; out.size() < n && code < Nb201Arch.SPACE_SIZE; code++) {
      out.add(Nb201Space.INSTANCE.canonical(Nb201Arch.ofCode(code)));
    }
    return new ArrayList<>(out);
  }

  /** A result with numbers derived from the arch code, so rows differ. */
  static StandaloneResult<Nb201Arch> result(Nb201Arch arch, long seed, double testAccuracy) {
    return new StandaloneResult<>(arch, PROTOCOL, seed, 0.5, 1.25, testAccuracy, 1.5,
        1000 + arch.code(), 2.0);
  }
}

package org.landmarknas.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;

final class RandomSearchTest {
  private static final Nb201Space SPACE = Nb201Space.INSTANCE;


  @Test
  void search_drawsBudgetUniformArchitectures() {
    SearchResult<Nb201Arch> r =
        new RandomSearch<>(SPACE, 300).search(a -> a.code(), new SplittableRandom(5));
    assertEquals(300, r.evaluations());
    assertEquals("random-search", r.strategy());
    // The draws are exactly the space's uniform sampler on the same stream.
    SplittableRandom rng = new SplittableRandom(5);
    for (Evaluated<Nb201Arch> e : r.history()) {
      assertEquals(Nb201Space.INSTANCE.sample(rng), e.arch());
    }
  }

  @Test
  void constructor_badBudget_throws() {
    assertEquals(1000, new RandomSearch<>(SPACE).budget());
    assertThrows(IllegalArgumentException.class, () -> new RandomSearch<>(SPACE, 0));
  }
}

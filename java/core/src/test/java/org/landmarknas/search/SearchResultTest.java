package org.landmarknas.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.landmarknas.space.Nb201Arch;

final class SearchResultTest {

  private static final Nb201Arch A = Nb201Arch.ofIndices(0, 0, 0, 0, 0, 1);
  private static final Nb201Arch B = Nb201Arch.ofIndices(3, 3, 3, 3, 3, 3);
  private static final Nb201Arch C = Nb201Arch.ofIndices(2, 2, 2, 2, 2, 2);

  @Test
  void best_tiedFitness_isEarliest() {
    Evaluated<Nb201Arch> first = new Evaluated<>(B, 0.9);
    SearchResult<Nb201Arch> r = new SearchResult<>("t", List.of(new Evaluated<>(A, 0.5), first,
        new Evaluated<>(C, 0.9)));
    assertSame(first, r.bestEvaluated());
    assertEquals(B, r.best());
    assertEquals(0.9, r.bestFitness(), 0.0);
    assertEquals(3, r.evaluations());
  }

  @Test
  void top_repeatedArch_appearsOnceWithBestFitness() {
    SearchResult<Nb201Arch> r =
        new SearchResult<>("t", List.of(new Evaluated<>(A, 0.5), new Evaluated<>(B, 0.7),
        new Evaluated<>(A, 0.8), new Evaluated<>(C, 0.6)));
    List<Evaluated<Nb201Arch>> top = r.top(2);
    assertEquals(List.of(new Evaluated<>(A, 0.8), new Evaluated<>(B, 0.7)), top);
    assertEquals(3, r.top(10).size());
    assertEquals(List.of(), r.top(0));
    assertThrows(IllegalArgumentException.class, () -> r.top(-1));
  }

  @Test
  void constructor_copiesHistory() {
    List<Evaluated<Nb201Arch>> h = new ArrayList<>(List.of(new Evaluated<>(A, 1)));
    SearchResult<Nb201Arch> r = new SearchResult<>("t", h);
    h.add(new Evaluated<>(B, 2));
    assertEquals(1, r.evaluations());
  }

  @Test
  void constructor_emptyHistory_throws() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new SearchResult<>("aging-evolution", List.of()));
    assertTrue(e.getMessage().contains("aging-evolution"), e.getMessage());
  }

  @Test
  void evaluated_nanFitness_namesArch() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Evaluated<>(A, Double.NaN));
    assertTrue(e.getMessage().contains(A.toString()), e.getMessage());
  }
}

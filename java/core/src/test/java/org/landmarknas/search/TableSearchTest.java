package org.landmarknas.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;

final class TableSearchTest {

  @Test
  void search_evaluatesEachCandidateOnceInOrder_andKeepsTheBest() {
    List<Nb201Arch> table = Nb201Space.INSTANCE.sampleDistinct(20, new SplittableRandom(2));
    List<Nb201Arch> seen = new ArrayList<>();
    SearchResult<Nb201Arch> r = new TableSearch<>(table).search(a -> {
      seen.add(a);
      return table.indexOf(a) == 13 ? 0.99 : 0.5 - table.indexOf(a) / 100.0;
    }, new SplittableRandom(0));
    assertEquals(table, seen);
    assertEquals(20, r.evaluations());
    assertEquals(table.get(13), r.top(1).get(0).arch());
  }

  @Test
  void constructor_emptyTable_rejected() {
    assertThrows(IllegalArgumentException.class, () -> new TableSearch<>(List.of()));
  }
}

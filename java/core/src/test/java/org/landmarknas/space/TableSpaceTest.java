package org.landmarknas.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A table of NB201 cells as a space: moves stay in the table and go to its nearest members. */
final class TableSpaceTest {

  private static final Nb201Space NB201 = Nb201Space.INSTANCE;

  /** 300 NB201 cells of distinct classes, drawn with a fixed seed: a sample, as NASLib's. */
  private static List<Nb201Arch> sample() {
    return NB201.sampleDistinct(300, new SplittableRandom(300));
  }

  @Test
  void mutate_staysInTheTable_neverReturnsTheParent_andReachesTheNearest() {
    List<Nb201Arch> members = sample();
    TableSpace<Nb201Arch> table = new TableSpace<>(NB201, members, 5);
    Set<Nb201Arch> inTable = new HashSet<>(members);
    SplittableRandom rng = new SplittableRandom(1);
    for (int i = 0; i < 200; i++) {
      Nb201Arch parent = table.sample(rng);
      List<Nb201Arch> nearest = table.neighbours(parent);
      assertEquals(5, nearest.size());
      int farthest = NB201.distance(parent, nearest.get(4));
      for (Nb201Arch m : members) {
        if (!m.equals(parent) && !nearest.contains(m)) {
          assertTrue(NB201.distance(parent, m) >= farthest, "a nearer member was left out");
        }
      }
      Nb201Arch child = table.mutate(parent, rng);
      assertTrue(inTable.contains(child));
      assertNotEquals(parent, child);
      assertTrue(nearest.contains(child));
    }
  }

  @Test
  void aCompleteTable_withReachOne_movesOneEdit() {
    List<Nb201Arch> all = NB201.enumerate().orElseThrow();
    TableSpace<Nb201Arch> table = new TableSpace<>(NB201, all, 1);
    Nb201Arch a = Nb201Arch.ofCode(1234);
    assertEquals(1, NB201.distance(a, table.mutate(a, new SplittableRandom(0))));
  }

  @Test
  void sizeEnumerationAndDecode_areTheTables() {
    List<Nb201Arch> members = sample();
    TableSpace<Nb201Arch> table = new TableSpace<>(NB201, members);
    assertEquals(members.size(), table.size());
    assertEquals(members, table.enumerate().orElseThrow());
    assertEquals(NB201.id(), table.id());
    assertEquals(members.get(3), table.decode(NB201.encode(members.get(3))).orElseThrow());
    Nb201Arch outside = NB201.enumerate().orElseThrow().stream()
        .filter(a -> !members.contains(a)).findFirst().orElseThrow();
    assertFalse(table.decode(NB201.encode(outside)).isPresent(), "not a member");
    List<Nb201Arch> drawn = table.sampleDistinct(20, new SplittableRandom(2));
    assertEquals(20, drawn.size());
    assertTrue(members.containsAll(drawn));
    assertThrows(IllegalArgumentException.class,
        () -> table.sampleDistinct(members.size() + 1, new SplittableRandom(2)));
  }

  @Test
  void badTables_areRefused() {
    Nb201Arch a = Nb201Arch.ofCode(7);
    IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
        () -> new TableSpace<>(NB201, List.of(a, Nb201Arch.ofCode(8), a)));
    assertTrue(twice.getMessage().contains("1 of 3 are repeats"), twice.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new TableSpace<>(NB201, List.of(a)));
    assertThrows(IllegalArgumentException.class,
        () -> new TableSpace<>(NB201, sample(), 0));
  }
}

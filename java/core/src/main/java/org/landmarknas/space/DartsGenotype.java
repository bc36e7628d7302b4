package org.landmarknas.space;

import java.util.Objects;

/**
 * A DARTS genotype: the normal cell, repeated between reductions, and the reduction cell, used
 * at one third and two thirds of the network's depth. Both concatenate nodes 2-5.
 *
 * @param normal the normal cell
 * @param reduce the reduction cell
 */
public record DartsGenotype(DartsCell normal, DartsCell reduce) {

  /** Edges over both cells: the genotype's slots, normal cell first. */
  public static final int SLOTS = 2 * DartsCell.EDGES;

  /** Validates the components. */
  public DartsGenotype {
    Objects.requireNonNull(normal, "normal");
    Objects.requireNonNull(reduce, "reduce");
  }

  /** The reduction cell when {@code reduction}, else the normal cell. */
  public DartsCell cell(boolean reduction) {
    return reduction ? reduce : normal;
  }

  /** Slot {@code slot} (0..15): edges 0-7 of the normal cell, then of the reduction cell. */
  public DartsCell.Edge edge(int slot) {
    Objects.checkIndex(slot, SLOTS);
    return cell(slot >= DartsCell.EDGES).edge(slot % DartsCell.EDGES);
  }

  /**
   * This genotype with slot {@code slot} replaced.
   *
   * @throws IllegalArgumentException when the result is not a valid genotype
   */
  public DartsGenotype withEdge(int slot, DartsCell.Edge edge) {
    Objects.checkIndex(slot, SLOTS);
    int i = slot % DartsCell.EDGES;
    return slot < DartsCell.EDGES ? new DartsGenotype(normal.withEdge(i, edge), reduce)
        : new DartsGenotype(normal, reduce.withEdge(i, edge));
  }

  /** Both cells in {@link DartsCell#canonical} form. */
  public DartsGenotype canonical() {
    DartsCell n = normal.canonical();
    DartsCell r = reduce.canonical();
    return n == normal && r == reduce ? this : new DartsGenotype(n, r);
  }

  /**
   * The readable form ({@link DartsNotation#format}), as NB201's and NB101's architectures print
   * theirs: what run summaries and error messages show.
   */
  @Override
  public String toString() {
    return DartsNotation.format(this);
  }
}

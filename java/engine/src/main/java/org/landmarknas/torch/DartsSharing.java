package org.landmarknas.torch;

import java.util.ArrayList;
import java.util.List;
import org.landmarknas.space.DartsCell;

/**
 * How a DARTS super-net cell shares its mixed ops ({@link DartsOpSet}s) among the genotypes: which
 * set an edge of a genotype runs on, by the edge's slot and input. A set reading a reduction
 * cell's input (0 or 1) runs at stride 2, any other at stride 1.
 */
enum DartsSharing {
  /**
   * The reference's SPOS sharing ({@code op_on_node}): one mixed op per genotype slot (2 per
   * node), whatever input the slot's edge reads, and in a reduction cell a second, stride-2 set
   * per slot for the edges that read a cell input. Node 2 can read only the cell inputs, so a
   * reduction cell holds no stride-1 set for slots 0 and 1 (the reference builds them; nothing
   * runs them). Stand-alone networks name their ops this way too, so a super-net path and a
   * stand-alone network address a layer alike.
   */
  SLOT {
    @Override
    String setName(int slot, int input, boolean reduction) {
      return "edge" + slot + (strided(input, reduction) ? "_reduce" : "");
    }

    @Override
    List<SetSpec> supernetSets(boolean reduction) {
      List<SetSpec> sets = new ArrayList<>();
      for (int slot = 0; slot < DartsCell.EDGES; slot++) {
        int inputs = DartsCell.inputChoices(slot);
        if (!reduction || inputs > DartsCell.CELL_INPUTS) {
          sets.add(new SetSpec(setName(slot, inputs - 1, reduction), 1));
        }
        if (reduction) {
          sets.add(new SetSpec(setName(slot, 0, true), 2));
        }
      }
      return sets;
    }
  },

  /**
   * GDAS's and PC-DARTS's sharing ({@code op_on_edge}): one mixed op per (node, input) pair, 2 +
   * 3 + 4 + 5 = 14 per cell, whichever slot of the node reads the input; in a reduction cell the
   * sets on the cell inputs are strided.
   */
  EDGE {
    @Override
    String setName(int slot, int input, boolean reduction) {
      return "node" + (slot / 2 + DartsCell.CELL_INPUTS) + "_from" + input;
    }

    @Override
    List<SetSpec> supernetSets(boolean reduction) {
      List<SetSpec> sets = new ArrayList<>();
      for (int slot = 0; slot < DartsCell.EDGES; slot += 2) {
        for (int input = 0; input < DartsCell.inputChoices(slot); input++) {
          sets.add(new SetSpec(setName(slot, input, reduction), strided(input, reduction) ? 2 : 1));
        }
      }
      return sets;
    }
  };

  /**
   * One mixed op of a cell.
   *
   * @param name its module name in the cell
   * @param stride 2 where it reads a reduction cell's input, else 1
   */
  record SetSpec(String name, int stride) {}

  /** The name of the set that the edge in {@code slot} reading {@code input} runs on. */
  abstract String setName(int slot, int input, boolean reduction);

  /** Every set of a super-net cell, in registration order. */
  abstract List<SetSpec> supernetSets(boolean reduction);

  /** Whether an edge reading {@code input} halves the image: a reduction cell's inputs. */
  static boolean strided(int input, boolean reduction) {
    return reduction && input < DartsCell.CELL_INPUTS;
  }
}

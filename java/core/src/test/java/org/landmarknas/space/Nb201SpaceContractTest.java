package org.landmarknas.space;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** NAS-Bench-201 against the {@link SearchSpace} contract, and its own figures. */
final class Nb201SpaceContractTest extends SearchSpaceContract<Nb201Arch> {

  @Override
  SearchSpace<Nb201Arch> space() {
    return Nb201Space.INSTANCE;
  }

  @Test
  void figures_ofTheSpace() {
    assertEquals(15_625, space().size());
    assertEquals(4_930, space().classCount().getAsLong());
    assertEquals(6, space().encodingLength());
    assertEquals(5, space().encodingChoices(0));
    assertEquals(24, space().neighbours(Nb201Arch.ofCode(0)).size(), "6 edges x 4 other ops");
  }
}

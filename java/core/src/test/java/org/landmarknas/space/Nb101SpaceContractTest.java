package org.landmarknas.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** NAS-Bench-101 against the {@link SearchSpace} contract, and its own figures. */
final class Nb101SpaceContractTest extends SearchSpaceContract<Nb101Arch> {

  @Override
  SearchSpace<Nb101Arch> space() {
    return Nb101Space.INSTANCE;
  }

  @Test
  void figures_ofTheSpace() {
    assertEquals(1_538_083L * 243, space().size());
    assertEquals(423_624, space().classCount().getAsLong());
    assertTrue(space().enumerate().isEmpty());
    assertEquals(26, space().encodingLength());
    assertEquals(26, space().maxDistance());
    assertEquals(2, space().encodingChoices(20));
    assertEquals(3, space().encodingChoices(21));
    assertEquals(Nb101Space.INSTANCE, SearchSpaces.byName("nb101"));
  }
}

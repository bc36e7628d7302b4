package org.landmarknas.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** DARTS against the {@link SearchSpace} contract, and its own figures. */
final class DartsSpaceContractTest extends SearchSpaceContract<DartsGenotype> {

  @Override
  SearchSpace<DartsGenotype> space() {
    return DartsSpace.INSTANCE;
  }

  @Test
  void figures_ofTheSpace() {
    long cell = 180L * 5_764_801;   // C(2,2) C(3,2) C(4,2) C(5,2) * 7^8
    assertEquals(cell * cell, space().size());
    assertEquals(1_076_746_950_455_072_400L, space().size());
    assertEquals(space().size(), space().classCount().getAsLong());
    assertEquals(BigInteger.valueOf(2880L * 5_764_801).pow(2),
        DartsSpace.INSTANCE.labelledCount());
    assertEquals(BigInteger.valueOf(space().size()).shiftLeft(8),
        DartsSpace.INSTANCE.labelledCount(), "2 edge orders for each of 8 nodes");
    assertTrue(space().enumerate().isEmpty());
    assertEquals(32, space().encodingLength());
    assertEquals(32, space().maxDistance());
    assertEquals(2, space().encodingChoices(0));
    assertEquals(7, space().encodingChoices(1));
    assertEquals(5, space().encodingChoices(14));
    assertEquals(2, space().encodingChoices(16));
    assertEquals(5, space().encodingChoices(30));
    assertEquals(7, space().encodingChoices(31));
    assertEquals(DartsSpace.INSTANCE, SearchSpaces.byName("darts"));
    assertEquals("darts", space().id());
  }
}

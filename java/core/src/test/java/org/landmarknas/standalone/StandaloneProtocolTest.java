package org.landmarknas.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

final class StandaloneProtocolTest {

  @Test
  void fashionMnist_nameCarriesWhatChangesTheNumbers_notTheThreads() {
    StandaloneProtocol p = StandaloneProtocol.fashionMnist(8, 6).withTrainLimit(15000);
    assertEquals("fmnist-c8n1-e6-n15000", p.name());
    assertEquals(p.name(), p.withThreads(1).name());
    assertEquals("fmnist-c8n1-e6-n15000-t500-v300",
        p.withTestLimit(500).withValidImages(300).name());
  }

  @Test
  void badField_namesProtocolFieldValueAndWhatWasExpected() {
    StandaloneProtocol p = StandaloneProtocol.fashionMnist(8, 6);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new StandaloneProtocol(p.name(), p.dataset(), p.channels(), p.cells(), p.epochs(),
            p.batchSize(), p.lr(), p.lrMin(), 1.5, p.weightDecay(), p.gradClip(),
            p.cropPadding(), p.horizontalFlip(), p.splitSeed(), p.trainLimit(), p.validImages(),
            p.testLimit(), p.threads()));
    assertEquals("stand-alone protocol fmnist-c8n1-e6: momentum must be in [0, 1), got 1.5",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> p.withTestLimit(-1));
    assertEquals("stand-alone protocol fmnist-c8n1-e6-t-1: test limit must be >= 0 (0 = all),"
        + " got -1", e.getMessage());
  }
}

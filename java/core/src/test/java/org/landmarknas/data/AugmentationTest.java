package org.landmarknas.data;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

final class AugmentationTest {

  @Test
  void constructor_negativePadding_rejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Augmentation(-1, false));
    assertTrue(e.getMessage().contains("-1"), e.getMessage());
  }

  @Test
  void isNone_onlyWithoutPaddingAndFlip() {
    assertTrue(Augmentation.NONE.isNone());
    assertFalse(new Augmentation(0, true).isNone());
    assertFalse(new Augmentation(2, false).isNone());
    assertFalse(Augmentation.CIFAR_STANDARD.isNone());
  }
}

package org.landmarknas.landmark;

import java.math.BigDecimal;

/** Writes doubles for files and ids: short, without exponents, and read back exactly. */
final class PlainDecimal {

  private PlainDecimal() {}

  /** {@code 93.5}, {@code 1.0}, {@code 0.00001}: Double.toString's digits, exponent expanded. */
  static String format(double v) {
    String s = Double.toString(v);
    if (s.indexOf('E') < 0) {
      return s;
    }
    // Double.toString's digits read back exactly; BigDecimal only moves the decimal point.
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}

package org.landmarknas.bench;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The number form of the project's own text files (ground-truth and landmark tables, loss ids):
 * an optional minus, digits, an optional fraction and exponent. {@link Double#parseDouble} alone
 * would also take {@code NaN}, {@code Infinity}, {@code 0x1p3} and {@code 90d}, so a typo or a
 * spreadsheet artefact would become a score instead of an error.
 */
public final class PlainDecimal {

  private static final Pattern FORM = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

  private PlainDecimal() {}

  /** Whether {@code text} (already stripped) is a plain decimal. */
  public static boolean matches(String text) {
    return FORM.matcher(text).matches();
  }

  /**
   * {@code 93.5}, {@code 1.0}, {@code 0.00001}: Double.toString's digits, exponent expanded, so
   * files and ids are short and read back exactly.
   */
  public static String format(double v) {
    String s = Double.toString(v);
    if (s.indexOf('E') < 0) {
      return s;
    }
    // Double.toString's digits read back exactly; BigDecimal only moves the decimal point.
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}

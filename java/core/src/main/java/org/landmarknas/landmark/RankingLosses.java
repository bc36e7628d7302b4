package org.landmarknas.landmark;

import java.util.Locale;
import java.util.Objects;
import java.util.function.DoubleFunction;
import org.landmarknas.bench.PlainDecimal;

/**
 * The registry of {@link RankingLoss} ids used in configs:
 *
 * <ul>
 *   <li>{@code hinge} - {@link HingeLoss}, the default;
 *   <li>{@code margin-hinge:<margin>} - {@link MarginHingeLoss}, margin {@code >= 0};
 *   <li>{@code softplus:<beta>} - {@link SoftplusLoss}, beta {@code > 0}; plain {@code softplus}
 *       means {@code softplus:1.0}, the logistic (RankNet) loss.
 * </ul>
 */
public final class RankingLosses {

  /** The default loss id. */
  public static final String DEFAULT = "hinge";

  private static final String ALLOWED =
      "hinge, margin-hinge:<margin >= 0>, softplus[:<beta > 0>]";

  private RankingLosses() {}

  /**
   * The loss named by {@code id}; surrounding white space is ignored.
   *
   * @throws IllegalArgumentException naming the id and the allowed forms when it is unknown or its
   *     parameter is missing or invalid
   */
  public static RankingLoss parse(String id) {
    Objects.requireNonNull(id, "id");
    String s = id.strip();
    int colon = s.indexOf(':');
    String name = colon < 0 ? s : s.substring(0, colon);
    String param = colon < 0 ? null : s.substring(colon + 1).strip();
    switch (name) {
      case "hinge":
        if (param != null) {
          throw bad(id, "hinge takes no parameter");
        }
        return new HingeLoss();
      case "margin-hinge":
        if (param == null) {
          throw bad(id, "margin-hinge needs a margin, e.g. margin-hinge:0.1");
        }
        return create(id, MarginHingeLoss::new, number(id, param));
      case "softplus":
        return param == null ? new SoftplusLoss(1.0)
            : create(id, SoftplusLoss::new, number(id, param));
      default:
        throw bad(id, "unknown loss");
    }
  }

  /** The allowed id forms, for help texts and error messages. */
  public static String allowedIds() {
    return ALLOWED;
  }

  private static double number(String id, String text) {
    if (!PlainDecimal.matches(text)) {
      throw bad(id, "parameter \"" + text + "\" is not a decimal number");
    }
    return Double.parseDouble(text);
  }

  /** Runs a loss constructor, prefixing its range complaint with the id and allowed forms. */
  private static RankingLoss create(String id, DoubleFunction<RankingLoss> constructor,
      double parameter) {
    try {
      return constructor.apply(parameter);
    } catch (IllegalArgumentException e) {
      throw bad(id, e.getMessage());
    }
  }

  private static IllegalArgumentException bad(String id, String why) {
    return new IllegalArgumentException(String.format(Locale.ROOT,
        "ranking loss \"%s\": %s (allowed: %s)", id, why, ALLOWED));
  }
}

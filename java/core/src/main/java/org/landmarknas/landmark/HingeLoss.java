package org.landmarknas.landmark;

/**
 * {@code max(0, x)}: no penalty once the better landmark has the lower loss; the paper's and the
 * reference's choice. Derivative 0 for {@code x <= 0} and 1 for {@code x > 0}, as autograd takes
 * it for {@code relu}. Id {@code hinge}.
 */
public record HingeLoss() implements RankingLoss {

  @Override
  public double value(double x) {
    return x > 0 ? x : 0.0;
  }

  @Override
  public double derivative(double x) {
    return x > 0 ? 1.0 : 0.0;
  }

  @Override
  public String id() {
    return "hinge";
  }
}

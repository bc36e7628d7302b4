package org.landmarknas.torch;

/**
 * What a sampling policy with parameters of its own reports for an epoch's metrics line; a
 * figure the policy does not have is null.
 *
 * @param tau GDAS's Gumbel-softmax temperature of the epoch
 * @param alphaEntropy mean entropy of softmax(α) over the edges after the epoch, in nats
 * @param controllerLoss NAO's controller loss over its last training pass after the epoch
 * @param naoPool the size of NAO's pool after the epoch
 * @param naoSeconds wall-clock time of NAO's controller point after the epoch
 */
public record PolicyFigures(Double tau, Double alphaEntropy, Double controllerLoss,
    Integer naoPool, Double naoSeconds) {

  /** GDAS's figures. */
  static PolicyFigures gdas(double tau, double alphaEntropy) {
    return new PolicyFigures(tau, alphaEntropy, null, null, null);
  }

  /**
   * NAO's figures: the controller loss where it trained after the epoch and the point's time
   * where one followed it, else null.
   */
  static PolicyFigures nao(Double controllerLoss, int pool, Double seconds) {
    return new PolicyFigures(null, null, controllerLoss, pool, seconds);
  }
}

package org.landmarknas.torch;

/**
 * What a sampling policy with parameters of its own reports for an epoch's metrics line.
 *
 * @param tau GDAS's Gumbel-softmax temperature of the epoch
 * @param alphaEntropy mean entropy of softmax(α) over the edges after the epoch, in nats
 */
public record PolicyFigures(double tau, double alphaEntropy) {}

package org.landmarknas.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One architecture of a pool scoring, as {@code result.json}, {@code pool-epoch-NNNN.json} and
 * {@code evaluation.json} write it. Null is a value the file does not have.
 *
 * @param arch the architecture string
 * @param supernetAccuracy its accuracy through the super-net's shared weights, a fraction
 * @param supernetLoss its mean loss there
 * @param groundTruth its stand-alone accuracy, percent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PoolScore(String arch, Double supernetAccuracy, Double supernetLoss,
    Double groundTruth) {}

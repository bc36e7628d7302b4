package org.landmarknas.torch;

import java.util.Optional;
import java.util.OptionalDouble;
import org.landmarknas.metric.RankingReport;

/**
 * What a {@link SearchListener} hears after each trained epoch: the same figures as the epoch's
 * line of {@code metrics.jsonl}, typed.
 *
 * @param epochs the run's number of epochs
 * @param stats the epoch's training figures ({@link EpochStats#epoch()} is 1-based)
 * @param landmarkKdt the landmarks' Kendall tau-b on the super-net, with landmarks
 * @param poolRanking the evaluation pool's ranking, in the epochs that scored it
 * @param landmarks the number of landmarks after the epoch (rounds grow it), 0 without
 */
public record EpochEvent(int epochs, EpochStats stats, OptionalDouble landmarkKdt,
    Optional<RankingReport> poolRanking, int landmarks) {}

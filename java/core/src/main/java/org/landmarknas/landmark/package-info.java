/**
 * Landmark regularisation (Yu, Ranftl &amp; Salzmann, CVPR 2021, arXiv:2104.05309) on plain
 * numbers: which architectures are landmarks, which pairs of them a training step compares, and
 * the ranking loss with its gradient. Nothing here touches libtorch; the trainer feeds in each
 * landmark's cross-entropy and gets back the regulariser and dR/dL.
 *
 * <h2>Landmarks</h2>
 *
 * <ul>
 *   <li>{@link org.landmarknas.landmark.Landmark} - an architecture and its stand-alone accuracy
 *       in percent;
 *   <li>{@link org.landmarknas.landmark.LandmarkSet} - immutable, sorted by ascending score (ties
 *       by architecture code), no two members equivalent; CSV {@code arch,score} in and out;
 *       {@code plus} for the multi-round pipeline; {@code excluded()} for evaluation pools.
 * </ul>
 *
 * <h2>Choosing landmarks</h2>
 *
 * {@link org.landmarknas.landmark.LandmarkSelector}: {@link
 * org.landmarknas.landmark.RandomLandmarkSelector} (the reference's), {@link
 * org.landmarknas.landmark.DiverseLandmarkSelector} (mutation walks more than τ edges long,
 * optionally pairwise τ-separated), {@link org.landmarknas.landmark.TopKSelector} (the best by
 * super-net score, for later rounds). All return connected, pairwise non-equivalent
 * architectures.
 *
 * <h2>Pairs and loss</h2>
 *
 * A {@link org.landmarknas.landmark.LandmarkPair} holds two positions in the sorted set, worse
 * first. {@link org.landmarknas.landmark.PairSampler}s by name ({@link
 * org.landmarknas.landmark.PairSamplers}): {@code uniform} over unordered pairs (default),
 * {@code all}, {@code adjacent}, and the reference's biased {@code reference}. With {@code x =
 * L_better - L_worse}, a {@link org.landmarknas.landmark.RankingLoss} by id ({@link
 * org.landmarknas.landmark.RankingLosses}): {@code hinge} (default), {@code margin-hinge:<m>},
 * {@code softplus:<beta>}. {@link org.landmarknas.landmark.PairwiseRankingLoss} averages it over
 * the step's pairs, optionally weighted by score gap ({@link
 * org.landmarknas.landmark.PairWeights}), and returns the value and dR/dL[k]. The weight λ and
 * its schedule live in {@code org.landmarknas.schedule}.
 *
 * <p>Randomness always comes in as a {@link java.util.SplittableRandom} from the caller.
 */
package org.landmarknas.landmark;

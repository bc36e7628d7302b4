/**
 * The libtorch side of the engine (JavaCPP PyTorch preset 2.10.0): the only package, with the CLI,
 * that touches {@code org.bytedeco} types.
 *
 * <ul>
 *   <li>{@link org.landmarknas.torch.Nb201Network}: the NAS-Bench-201 skeleton as a super-net
 *       (every op of every edge, single-path forward) or as a stand-alone network of one cell;
 *       weights saved and loaded with shape checks.
 *   <li>{@link org.landmarknas.torch.SposStep}: one SPOS update, split into begin / accumulate /
 *       finish so that {@link org.landmarknas.torch.LandmarkTerm} (the landmark ranking loss,
 *       with lazy backward) can add its gradient before the single clip and SGD step.
 *   <li>{@link org.landmarknas.torch.TensorBatcher}: pure-Java batches into tensors, one copy.
 *   <li>{@link org.landmarknas.torch.SupernetEvaluator}, {@link
 *       org.landmarknas.torch.PoolScorer}, {@link org.landmarknas.torch.BatchNormRecalibration}:
 *       scoring architectures without gradients under a BatchNorm protocol.
 *   <li>{@link org.landmarknas.torch.SupernetSearch} and {@link
 *       org.landmarknas.torch.SupernetEvaluation}: whole runs behind {@code lmnas search} and
 *       {@code lmnas evaluate}; {@link org.landmarknas.torch.SearchCheckpoint} is what a run
 *       saves after an epoch (weights, SGD momentum, landmarks, counters) to resume from.
 *   <li>{@link org.landmarknas.torch.Precision} and {@link org.landmarknas.torch.Autocast}: the
 *       super-net forward in float32 or under CPU autocast to bfloat16.
 * </ul>
 *
 * <p>Native memory: every step and evaluation chunk runs in its own {@code PointerScope}; tensors
 * that must outlive a step (parameters, cached constants) are created outside scopes or hold an
 * extra reference. Java peers of child {@code Module}s are kept reachable by {@code
 * NetworkBuilder}, because their virtual methods call back into Java.
 */
package org.landmarknas.torch;

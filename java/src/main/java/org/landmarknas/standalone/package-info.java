/**
 * Stand-alone performance, the ground truth that landmarks and ranking metrics rest on: the
 * training protocol ({@link org.landmarknas.standalone.StandaloneProtocol}) and its results
 * ({@link org.landmarknas.standalone.StandaloneResult}). The trainer itself is libtorch code
 * ({@code org.landmarknas.torch.StandaloneTrainer}), the results store and its work queue are
 * {@code org.landmarknas.store}; {@link org.landmarknas.standalone.BenchmarkStats} and
 * {@link org.landmarknas.standalone.SeedNoise} describe a finished table.
 */
package org.landmarknas.standalone;

/**
 * Stand-alone performance, the ground truth that landmarks and ranking metrics rest on: the
 * training protocol ({@link org.landmarknas.standalone.StandaloneProtocol}) and its results
 * ({@link org.landmarknas.standalone.StandaloneResult}). The trainer itself is libtorch code
 * ({@code org.landmarknas.torch.StandaloneTrainer}), the results store and its work queue are
 * {@code org.landmarknas.store}; {@link org.landmarknas.standalone.BenchmarkStats} and
 * {@link org.landmarknas.standalone.SeedNoise} describe a finished table.
 *
 * <p>{@link org.landmarknas.standalone.StandaloneTable} is the CSV form of a protocol's results
 * (the committed benchmark tables), {@link org.landmarknas.standalone.SeedMeans} the
 * ground-truth file of a list of architectures ({@link org.landmarknas.standalone.ArchList}) as
 * means over training seeds. Accuracies read from any table in percent, this project's or the
 * published NAS-Bench-201 one, become fractions through {@link
 * org.landmarknas.standalone.StandaloneResult#accuracyFromPercent}, so they tie with trained
 * ones; costs come from the space's cost model on {@link
 * org.landmarknas.standalone.StandaloneProtocol#skeleton()}, which knows each data set's image
 * shape.
 */
package org.landmarknas.standalone;

/**
 * Running an experiment ({@link org.landmarknas.config.ExperimentConfig}: arms x seeds) and
 * comparing its arms. {@link org.landmarknas.experiment.ExperimentRunner} takes the runs one by
 * one, seed by seed, each under a file lock so that several processes share the plan; a finished
 * run is skipped and an interrupted one resumed, so an experiment run again ends as if it had
 * never stopped. {@link org.landmarknas.experiment.ExperimentReport} writes the comparison of the
 * runs finished so far. The search itself is given to the runner ({@link
 * org.landmarknas.run.SearchRunner}): the CLI gives the libtorch one, tests a
 * recording one, and this package stays free of libtorch.
 */
package org.landmarknas.experiment;

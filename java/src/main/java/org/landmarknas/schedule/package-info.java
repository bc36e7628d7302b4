/**
 * Schedules of training hyper-parameters as plain functions of the epoch: the learning rate now,
 * the landmark weight λ with the landmark issue. Pure Java, no tensors, so they are trivially
 * testable and can be checkpointed as numbers.
 */
package org.landmarknas.schedule;

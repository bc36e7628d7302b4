/**
 * Schedules of training hyper-parameters as plain functions of the (possibly fractional) epoch:
 * the learning rate ({@link org.landmarknas.schedule.CosineLr}) and the landmark weight λ
 * ({@link org.landmarknas.schedule.LambdaSchedule}, built by {@link
 * org.landmarknas.schedule.LambdaSchedules#create}: constant, linear/cosine/step increase or
 * decrease, zero before the warm-up, an optional linear ramp, and the reference code's as-coded
 * cosine). Pure Java, no tensors: trivially testable, and checkpointable as numbers.
 */
package org.landmarknas.schedule;

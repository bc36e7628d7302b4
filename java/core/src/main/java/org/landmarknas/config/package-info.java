/**
 * Run configuration: what one {@code lmnas} run does, as validated records.
 *
 * <p>A {@link org.landmarknas.config.RunConfig} holds the run name, the root seed and one record
 * per section: {@link org.landmarknas.config.DataConfig} ({@code data}), {@link
 * org.landmarknas.config.SupernetConfig} ({@code supernet}), {@link
 * org.landmarknas.config.TrainConfig} ({@code train}) and {@link
 * org.landmarknas.config.EvaluateConfig} ({@code evaluate}). Each record documents its keys and
 * defaults and checks ranges in its constructor, so an invalid configuration cannot exist.
 *
 * <p>{@link org.landmarknas.config.RunConfigLoader} layers the sources: built-in defaults, then a
 * YAML file with kebab-case keys ({@code configs/defaults.yaml} lists them all), then
 * {@code key=value} overrides with dotted keys ({@code train.epochs=3}). It is strict: unknown
 * keys, wrong types, out-of-range values and malformed YAML all raise a {@link
 * org.landmarknas.config.ConfigException} that names the file and line (or {@code --set}), the
 * dotted key and what is allowed. {@link org.landmarknas.config.RunConfigLoader#toYaml} writes
 * the resolved configuration back; loading that text gives an equal record.
 *
 * <pre>{@code
 * RunConfig config = RunConfigLoader.load(Path.of("configs/quickstart.yaml"),
 *     List.of("train.epochs=3", "data.dir=/data/fmnist"));
 * }</pre>
 */
package org.landmarknas.config;

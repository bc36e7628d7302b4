package org.landmarknas.torch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.landmarknas.config.RunConfig;
import org.landmarknas.config.TrainConfig;

/**
 * Whether the CPU executes bfloat16 natively, and the warning a config asking for bf16 gets
 * where it does not. bf16 autocast was 2.3x as fast as fp32 on a Xeon with AMX, but 8-20x
 * slower on an AVX2-only EPYC (benchmarks/README.md), where libtorch emulates it: a run that
 * chose bf16 for speed on one machine must not silently pay that on another.
 */
final class Bf16Units {
  /** The Linux CPU flags of native bf16 arithmetic: AVX-512 BF16 and AMX BF16. */
  private static final String[] FLAGS = {"avx512_bf16", "amx_bf16"};
  private static final Path CPUINFO = Path.of("/proc/cpuinfo");

  private Bf16Units() {}

  /** Whether the {@code flags} lines of {@code cpuinfo} (Linux's format) list native bf16. */
  static boolean listedIn(String cpuinfo) {
    return cpuinfo.lines()
        .filter(l -> l.startsWith("flags"))
        .flatMap(l -> Arrays.stream(l.substring(l.indexOf(':') + 1).trim().split("\\s+")))
        .anyMatch(f -> Arrays.asList(FLAGS).contains(f));
  }

  /**
   * The warning for {@code config} on a CPU described by {@code cpuinfo}: present when the
   * super-net trains or scores in bf16 on the CPU and the flags list no bf16 units.
   */
  static Optional<String> warning(RunConfig config, String cpuinfo) {
    String train = config.supernet().precision();
    String scoring = config.evaluate().scoringPrecision(train);
    boolean asked = Precision.ofId(train) == Precision.BF16
        || Precision.ofId(scoring) == Precision.BF16;
    boolean cpu = config.train().device().equals(TrainConfig.DEVICE_CPU);
    if (!asked || !cpu || listedIn(cpuinfo)) {
      return Optional.empty();
    }
    return Optional.of(String.format(Locale.ROOT, "warning: bf16 asked (supernet.precision %s,"
        + " scoring %s) but this CPU lists neither %s: libtorch emulates bf16 here, several"
        + " times slower than fp32", train, scoring, String.join(" nor ", FLAGS)));
  }

  /** {@link #warning(RunConfig, String)} for this machine; none where its CPU is unknown. */
  static Optional<String> warningHere(RunConfig config) {
    try {
      return Files.isReadable(CPUINFO) ? warning(config, Files.readString(CPUINFO))
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}

package org.landmarknas.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.landmarknas.config.RunConfig;
import org.landmarknas.config.RunConfigLoader;

class Bf16UnitsTest {
  // Abridged /proc/cpuinfo of the two machines the benchmarks ran on.
  private static final String EPYC_AVX2 = """
      processor\t: 0
      vendor_id\t: AuthenticAMD
      flags\t\t: fpu vme sse2 avx avx2 fma bmi2 sha_ni
      bugs\t\t: sysret_ss_attrs
      """;
  private static final String XEON_AMX = """
      processor\t: 0
      vendor_id\t: GenuineIntel
      flags\t\t: fpu sse2 avx2 avx512f avx512_bf16 amx_bf16 amx_tile
      """;
  // A flag that merely contains the name must not count.
  private static final String LOOKALIKE = "flags\t\t: avx2 avx512_bf16x\n";

  @Test
  void readsTheFlagsLineOnly() {
    assertFalse(Bf16Units.listedIn(EPYC_AVX2));
    assertTrue(Bf16Units.listedIn(XEON_AMX));
    assertFalse(Bf16Units.listedIn(LOOKALIKE));
    assertFalse(Bf16Units.listedIn("vendor_id : amx_bf16\n"));
  }

  @Test
  void warnsOnlyWhereBf16IsAskedOnACpuWithoutIt() {
    RunConfig fp32 = RunConfigLoader.fromDefaults(List.of());
    RunConfig trainBf16 = RunConfigLoader.fromDefaults(List.of("supernet.precision=bf16"));
    RunConfig scoreBf16 = RunConfigLoader.fromDefaults(List.of("evaluate.precision=bf16"));

    assertEquals(Optional.empty(), Bf16Units.warning(fp32, EPYC_AVX2));
    assertEquals(Optional.empty(), Bf16Units.warning(trainBf16, XEON_AMX));
    String w = Bf16Units.warning(scoreBf16, EPYC_AVX2).orElseThrow();
    assertTrue(w.contains("supernet.precision fp32, scoring bf16"), w);
    assertTrue(Bf16Units.warning(trainBf16, EPYC_AVX2).orElseThrow()
        .contains("scoring bf16"));
  }
}

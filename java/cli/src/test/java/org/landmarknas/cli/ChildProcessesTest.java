package org.landmarknas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

final class ChildProcessesTest {

  @Test
  void jvmOptions_passHeapAndPropertiesOn_notDebugAgents() {
    assertEquals(List.of("-Xmx4g", "-Dorg.bytedeco.javacpp.nopointergc=true", "-Dx=1"),
        ChildProcesses.jvmOptions(List.of("-Xmx4g", "-Dorg.bytedeco.javacpp.nopointergc=true",
            "-agentlib:jdwp=transport=dt_socket,server=y,address=5005", "-Xdebug",
            "-Xrunjdwp:transport=dt_socket", "-javaagent:agent.jar", "-Dx=1")));
  }

  @Test
  void jvmOptions_carryTheJavaCppCacheDirectory() {
    // A first start on a chosen cache: the parent extracts libtorch there, and its workers must
    // load from the same directory, not extract a second copy into the home directory.
    assertEquals(List.of("-Dorg.bytedeco.javacpp.cachedir=/c"),
        ChildProcesses.jvmOptions(List.of("-Dorg.bytedeco.javacpp.cachedir=/c")));
  }
}

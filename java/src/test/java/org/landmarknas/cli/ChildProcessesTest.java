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
            "-Xrunjdwp:transport=dt_socket", "-javaagent:/tmp/a.jar", "-Dx=1")));
  }
}

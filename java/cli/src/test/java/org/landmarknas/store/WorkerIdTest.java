package org.landmarknas.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

final class WorkerIdTest {

  @Test
  void forThisProcess_hostPidAndARandomPart_uniqueWithinOneProcess() {
    String a = WorkerId.forThisProcess();
    String b = WorkerId.forThisProcess();
    String[] parts = a.split("/");
    assertEquals(3, parts.length, a);
    assertTrue(!parts[0].isBlank(), "a host name: " + a);
    assertEquals(String.valueOf(ProcessHandle.current().pid()), parts[1], a);
    assertTrue(parts[2].matches("[0-9a-f]{8}"), a);
    // Same host, same pid (two containers): still two names.
    assertNotEquals(a, b);
  }
}

package org.landmarknas.torch;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The recorded-run comparison lets kernel rounding through and nothing a run decides. */
final class RecordedJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RECORDED =
      "{\"arch\":\"|none~0|\",\"loss\":2.416708,\"steps\":12,\"acc\":0.078125}";

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  @Test
  void roundingInTheFifthDigitAndFieldOrderPass() throws Exception {
    RecordedJson.assertClose(json(RECORDED),
        json("{\"steps\":12,\"arch\":\"|none~0|\",\"loss\":2.416986,\"acc\":0.078125}"), "r");
  }

  @Test
  void aLossOffByAPercentFails() throws Exception {
    assertThrows(AssertionFailedError.class, () -> RecordedJson.assertClose(json(RECORDED),
        json("{\"arch\":\"|none~0|\",\"loss\":2.44,\"steps\":12,\"acc\":0.078125}"), "r"));
  }

  @Test
  void anotherArchitectureCountOrImageFails() throws Exception {
    String[] changed = {
        "{\"arch\":\"|skip_connect~0|\",\"loss\":2.416708,\"steps\":12,\"acc\":0.078125}",
        "{\"arch\":\"|none~0|\",\"loss\":2.416708,\"steps\":13,\"acc\":0.078125}",
        "{\"arch\":\"|none~0|\",\"loss\":2.416708,\"steps\":12,\"acc\":0.09375}",
        "{\"arch\":\"|none~0|\",\"loss\":2.416708,\"steps\":12}"};
    for (String c : changed) {
      assertThrows(AssertionFailedError.class,
          () -> RecordedJson.assertClose(json(RECORDED), json(c), "r"), c);
    }
  }
}

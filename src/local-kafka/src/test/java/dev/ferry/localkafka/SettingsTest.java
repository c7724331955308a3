package dev.ferry.localkafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ferry.localkafka.LocalKafkaBroker.Settings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Checks the settings record: defaults, copies and validation. */
class SettingsTest {

    private final Settings base = Settings.ephemeral("source", Path.of("data/source"));

    @Test
    void ephemeralDefaults() {
        assertEquals(0, base.port(), "ephemeral port should be 0 (free port)");
        assertEquals(0, base.controllerPort(), "ephemeral controller port should be 0 (free port)");
        assertEquals("512m", base.maxHeap(), "ephemeral heap");
        assertEquals(Map.of(), base.overrides(), "ephemeral overrides");
    }

    @Test
    void withersCopy() {
        Map<String, String> overrides = new HashMap<>(Map.of("num.partitions", "3"));
        Settings fixed = base.withPort(19092).withControllerPort(19093).withMaxHeap("1g").withOverrides(overrides);
        overrides.put("num.partitions", "9");
        assertEquals(19092, fixed.port(), "port");
        assertEquals(19093, fixed.controllerPort(), "controller port");
        assertEquals("1g", fixed.maxHeap(), "heap");
        assertEquals(Map.of("num.partitions", "3"), fixed.overrides(), "overrides should be copied, not shared");
        assertEquals(0, base.port(), "the original should be unchanged");
    }

    @Test
    void rejectsBadValues() {
        assertThrows(IllegalArgumentException.class, () -> base.withPort(70_000), "port above 65535");
        assertThrows(IllegalArgumentException.class, () -> base.withPort(-1), "negative port");
        assertThrows(IllegalArgumentException.class, () -> base.withPort(5000).withControllerPort(5000), "same ports");
        assertThrows(IllegalArgumentException.class, () -> base.withMaxHeap("lots"), "bad heap");
        assertThrows(IllegalArgumentException.class, () -> Settings.ephemeral(" ", Path.of("x")), "blank name");
    }
}

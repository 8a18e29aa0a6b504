package lmo.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader's bounds: 1 MiB per file (exactly), 64 Ki characters per --set value, 64 levels, 100-character numbers. */
class ReaderBoundsTest {
    @TempDir Path dir;

    /** The torus scenario padded with a comment to exactly {@code bytes} bytes. */
    private Path padded(String name, int bytes) throws Exception {
        Path f = Scenarios.write(dir, name, Scenarios.TORUS);
        int fill = bytes - (int) Files.size(f) - 3;
        Files.writeString(f, "# " + "x".repeat(fill) + "\n", StandardOpenOption.APPEND);
        assertEquals(bytes, Files.size(f));
        return f;
    }

    @Test
    void aFileOfOneMibIsReadAndOneByteMoreIsRefusedUnparsed() throws Exception {
        assertEquals("t", Scenarios.load(padded("limit.yaml", TreeReader.MAX_FILE_BYTES)).name());
        Path over = padded("over.yaml", TreeReader.MAX_FILE_BYTES + 1);
        assertEquals(over + ": too large: 1048577 bytes; a scenario file has at most 1048576 bytes (1 MiB): put data in"
                + " .npy or .csv input files", Scenarios.error(over));
    }

    @Test
    void aSetValueIsAtMost64KiCharacters() throws Exception {
        Path f = Scenarios.write(dir, "x.yaml", Scenarios.TORUS);
        String big = "[" + "0.5, ".repeat(20000) + "0.5]";
        assertEquals("--set description: the value has " + big.length() + " characters, more than the 65536 a --set value"
                + " may have: put data in an input file", Scenarios.error(f, "description=" + big));
        assertEquals("--set description: expected a string, got a list", Scenarios.error(f, "description=" + big.substring(0, 60000) + "0]"));
        assertEquals("--set description: syntax error: nested more than 64 levels deep",
                Scenarios.error(f, "description=" + "[".repeat(70) + "]".repeat(70)));
    }

    @Test
    void numbersAreAtMost100CharactersInYamlAndJson() throws Exception {
        String digits = "1" + "0".repeat(120);
        Path yaml = Scenarios.write(dir, "n.yaml", Scenarios.TORUS.replace("steps: 10", "steps: " + digits));
        assertEquals(yaml + ":2:8: steps: expected an integer of at most 100 characters, got '"
                + digits.substring(0, 80) + "...(121 characters)'", Scenarios.error(yaml));
        Path json = Scenarios.write(dir, "n.json", "{\"name\": \"t\", \"steps\": " + digits + "}");
        assertEquals(json + ":1:15: steps: syntax error: a number longer than 100 characters", Scenarios.error(json),
                "at the key: the parser has no position of the number");
    }
}

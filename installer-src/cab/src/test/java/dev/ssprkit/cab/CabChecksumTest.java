package dev.ssprkit.cab;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CabChecksumTest {
    private static int checksum(String ab) {
        byte[] b = ab.getBytes(StandardCharsets.ISO_8859_1);
        return CabChecksum.ofBlock(b, 0, b.length, b.length, b.length);
    }

    @Test
    void helloWorldVector() {
        assertEquals(0x7F2E1A4C, checksum("Hello, world!\n"));
    }

    @Test
    void twoLineVector() {
        assertEquals(0x3509541A, checksum("Hello, world!\nSee you later!\n"));
    }

    @Test
    void cabSpecExampleBlock() {
        String block = "#include <stdio.h>\r\n\r\nvoid main(void)\r\n{\r\n    printf(\"Hello, world!\\n\");\r\n}\r\n"
                + "#include <stdio.h>\r\n\r\nvoid main(void)\r\n{\r\n    printf(\"Welcome!\\n\");\r\n}\r\n\r\n";
        assertEquals(151, block.length());
        assertEquals(0x30A65ABD, checksum(block));
    }

    @Test
    void trailingBytesArePackedInReverseOrder() {
        byte[] b = {1, 2, 3, 4, 5, 6, 7};
        assertEquals(0x04030201 ^ 0x050607, CabChecksum.ofBytes(b, 0, 7));
        assertEquals(0x04030201 ^ 0x0506, CabChecksum.ofBytes(b, 0, 6));
        assertEquals(0x04030201 ^ 0x05, CabChecksum.ofBytes(b, 0, 5));
        assertEquals(0, CabChecksum.ofBytes(b, 0, 0));
    }
}

package io.factum.personal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a file's raw bytes contain a sequence: the byte-level scan of databases and dumps. */
public final class ByteScan {

    private ByteScan() {}

    public static boolean contains(Path file, byte[] needle) {
        if (!Files.exists(file)) {
            return false;
        }
        try {
            return indexOf(Files.readAllBytes(file), needle) >= 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

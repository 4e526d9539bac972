package dev.ssprkit.sign;

import java.nio.file.Path;
import java.util.List;

/** What {@link Verifier} found in one file: its signatures, primary first, then nested ones. */
public record Verification(Path file, SignableFormat format, List<SignatureInfo> signatures) {
    public Verification {
        signatures = List.copyOf(signatures);
    }

    public boolean isSigned() {
        return !signatures.isEmpty();
    }

    /** Signed, and every signature holds. */
    public boolean isValid() {
        return isSigned() && signatures.stream().allMatch(SignatureInfo::isValid);
    }
}

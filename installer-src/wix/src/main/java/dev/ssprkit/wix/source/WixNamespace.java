package dev.ssprkit.wix.source;

import java.util.Arrays;
import java.util.Optional;

/** The XML namespaces a WiX source document may use for its root element. */
public enum WixNamespace {
    V3("http://schemas.microsoft.com/wix/2006/wi"),
    V4("http://wixtoolset.org/schemas/v4/wxs");

    private final String uri;

    WixNamespace(String uri) {
        this.uri = uri;
    }

    public String uri() {
        return uri;
    }

    public static Optional<WixNamespace> fromUri(String uri) {
        return Arrays.stream(values()).filter(n -> n.uri.equals(uri)).findFirst();
    }
}

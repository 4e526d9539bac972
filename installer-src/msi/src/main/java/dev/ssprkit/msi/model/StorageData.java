package dev.ssprkit.msi.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A storage held inside a database (a {@code _Storages} row, such as an embedded instance transform): the storage's
 * CLSID and its streams by stored (already encoded) name, in the order they are written. One level only: Windows
 * Installer's sub-storages hold streams, not further storages.
 */
public record StorageData(String clsid, Map<String, StreamData> streams) {
    public StorageData {
        streams = Collections.unmodifiableMap(new LinkedHashMap<>(streams));
    }
}

package dev.ssprkit.msi.schema;

/** How a column is stored: a string-pool reference, a 2- or 4-byte integer, or a stream (binary). */
public enum ColumnKind {
    STRING, INT16, INT32, BINARY
}

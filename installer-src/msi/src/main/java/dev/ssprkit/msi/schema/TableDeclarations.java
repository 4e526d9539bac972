package dev.ssprkit.msi.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.ssprkit.msi.schema.Category.GUID;
import static dev.ssprkit.msi.schema.Category.IDENTIFIER;

/**
 * Collects the tables one family of declarations adds ({@link CoreTables}, {@link UiTables}, ...), and the column
 * shapes that recur across the SDK's tables so that a declaration reads like its table page.
 */
final class TableDeclarations {
    private final Map<String, TableSchema> tables = new LinkedHashMap<>();

    /** Declares a table; its columns in stored order, key columns first. */
    void table(String name, Col... cols) {
        List<Column> columns = new ArrayList<>(cols.length);
        for (Col c : cols) columns.add(c.build());
        if (tables.put(name, new TableSchema(name, columns)) != null) {
            throw new IllegalStateException("table " + name + " is declared twice");
        }
    }

    Map<String, TableSchema> tables() {
        return Collections.unmodifiableMap(tables);
    }

    /** An {@code s72} Identifier: the usual primary key and foreign-key shape. */
    static Col id(String name) {
        return Col.s(name, 72).cat(IDENTIFIER);
    }

    /** An {@code s38} GUID in registry format ({@code {XXXXXXXX-...}}). */
    static Col guid(String name) {
        return Col.s(name, 38).cat(GUID);
    }

    /** The {@code Component_} column most tables use to tie a row to the component that installs it. */
    static Col component() {
        return id("Component_").ref("Component");
    }

    /** A foreign key into the Feature table ({@code s38}, the Feature key's width). */
    static Col feature(String name) {
        return Col.s(name, 38).cat(IDENTIFIER).ref("Feature");
    }

    /** A foreign key into the File table. */
    static Col file(String name) {
        return id(name).ref("File");
    }

    /** A control name ({@code s50}, the width of {@code Control.Control}). */
    static Col control(String name) {
        return Col.s(name, 50).cat(IDENTIFIER);
    }

    /** A dialog coordinate or size in installer units. */
    static Col coordinate(String name) {
        return Col.i2(name).range(0, 32767);
    }
}

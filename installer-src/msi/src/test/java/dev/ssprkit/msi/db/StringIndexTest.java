package dev.ssprkit.msi.db;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The string pool's index numbers strings in the order they were first added, as a {@link LinkedHashMap} from each
 * string to its insertion position would: the JDK's map is the model every answer is checked against.
 */
class StringIndexTest {
    @Property(tries = 300)
    void numbersStringsInFirstAddedOrder(@ForAll @Size(max = 3000) List<@StringLength(max = 6) String> added,
                                         @ForAll @Size(max = 200) List<@StringLength(max = 6) String> probes) {
        StringIndex index = new StringIndex();
        Map<String, Integer> model = new LinkedHashMap<>();
        for (String s : added) {
            Integer expected = model.computeIfAbsent(s, k -> model.size());
            assertEquals(expected, index.add(s), s);
            assertEquals(model.size(), index.size());
        }
        model.forEach((s, n) -> {
            assertEquals(n, index.find(s), s);
            assertEquals(s, index.key(n));
        });
        for (String s : probes) assertEquals(model.getOrDefault(s, -1), index.find(s), s);
    }

    @Test
    void stringsWithTheSameHashAreKeptApart() {
        // "Aa" and "BB" have the same String.hashCode (2112), and so do all their concatenations of equal length:
        // 2^10 strings that collide everywhere in the table
        List<String> colliding = new java.util.ArrayList<>(List.of(""));
        for (int round = 0; round < 10; round++) {
            List<String> longer = new java.util.ArrayList<>();
            for (String s : colliding) {
                longer.add(s + "Aa");
                longer.add(s + "BB");
            }
            colliding = longer;
        }
        StringIndex index = new StringIndex();
        for (int i = 0; i < colliding.size(); i++) assertEquals(i, index.add(colliding.get(i)));
        for (int i = 0; i < colliding.size(); i++) assertEquals(i, index.find(new String(colliding.get(i).toCharArray())));
        assertEquals(-1, index.find("Aa".repeat(9) + "BC"));
    }
}

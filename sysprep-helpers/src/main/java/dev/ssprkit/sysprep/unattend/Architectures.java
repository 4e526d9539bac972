package dev.ssprkit.sysprep.unattend;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The processor architecture an answer file is for, when not given: the value most components carry (answer files
 * written by Windows SIM name one architecture throughout); {@code amd64} on a tie or when no component names one.
 */
public final class Architectures {
    private Architectures() {}

    public static final String DEFAULT = "amd64";

    public static String infer(Document dom) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        NodeList components = dom.getElementsByTagNameNS(Unattend.NS, Unattend.COMPONENT);
        for (int i = 0; i < components.getLength(); i++) {
            String a = ((Element) components.item(i)).getAttribute(Unattend.ARCH);
            if (!a.isEmpty()) counts.merge(a, 1, Integer::sum);
        }
        String best = DEFAULT;
        int bestCount = counts.getOrDefault(DEFAULT, 0);
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }
}

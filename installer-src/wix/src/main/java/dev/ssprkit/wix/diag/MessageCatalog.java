package dev.ssprkit.wix.diag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * All message enums of a tool, looked up by ID. Building one checks that each ID is well formed and claimed once, so
 * a layer that adds an enum cannot silently reuse another layer's number.
 */
public final class MessageCatalog {

    private static final Pattern ID = Pattern.compile("WIX\\d{4}");

    private final Map<String, Message> byId;

    private MessageCatalog(Map<String, Message> byId) {
        this.byId = byId;
    }

    /** The catalog of this module's own messages. */
    public static MessageCatalog standard() {
        return of(PreprocessorMessage.class, CompilerMessage.class, ProjectMessage.class);
    }

    @SafeVarargs
    public static MessageCatalog of(Class<? extends Message>... enums) {
        Map<String, Message> byId = new LinkedHashMap<>();
        for (Class<? extends Message> type : enums) {
            Message[] entries = type.getEnumConstants();
            if (entries == null) {
                throw new IllegalArgumentException(type.getName() + " is not an enum");
            }
            for (Message m : entries) {
                if (!ID.matcher(m.id()).matches()) {
                    throw new IllegalArgumentException("malformed message ID " + m.id() + " in " + type.getName());
                }
                Message previous = byId.putIfAbsent(m.id(), m);
                if (previous != null) {
                    throw new IllegalArgumentException("message ID " + m.id() + " is claimed by both " + previous
                            + " and " + m);
                }
            }
        }
        return new MessageCatalog(byId);
    }

    public Optional<Message> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<Message> all() {
        return List.copyOf(new ArrayList<>(byId.values()));
    }
}

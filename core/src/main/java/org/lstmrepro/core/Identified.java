package org.lstmrepro.core;

import java.util.Arrays;
import java.util.List;

/**
 * A named choice that files and the command line spell by its id (an activation, a loss, a vanilla
 * variant): one lookup, one message, for all of them.
 */
public interface Identified {

    /** The id as files and the command line write it. */
    String id();

    /**
     * The constant of {@code type} whose id is {@code id}, ignoring case.
     *
     * @param what how messages name the kind, e.g. "output activation"
     * @throws IllegalArgumentException {@code unknown WHAT 'id' (expected a, b or c)}
     */
    static <E extends Enum<E> & Identified> E fromId(Class<E> type, String id, String what) {
        for (E e : type.getEnumConstants()) {
            if (e.id().equalsIgnoreCase(id)) {
                return e;
            }
        }
        List<String> ids = Arrays.stream(type.getEnumConstants()).map(Identified::id).toList();
        String expected = ids.size() == 1 ? ids.get(0)
                : String.join(", ", ids.subList(0, ids.size() - 1)) + " or " + ids.get(ids.size() - 1);
        throw new IllegalArgumentException("unknown " + what + " '" + id + "' (expected " + expected + ")");
    }
}

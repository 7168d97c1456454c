package org.lstmrepro.reports.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Test helper: a stored record's JSON without the fields that depend on the moment it ran. */
final class TinyRecords {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TinyRecords() {
    }

    static ObjectNode withoutRunFields(String json) throws JsonProcessingException {
        ObjectNode n = (ObjectNode) JSON.readTree(json);
        n.remove("seconds");
        return n;
    }
}

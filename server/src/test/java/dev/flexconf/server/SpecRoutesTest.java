package dev.flexconf.server;

import dev.flexconf.server.testkit.RunningServer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The routes the server registers are exactly the operations of plugin-service.yaml: method, path and operationId. */
class SpecRoutesTest {
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete", "head", "options");
    @RegisterExtension
    static final RunningServer running = new RunningServer();



    /** {@code METHOD path operationId} of every operation in the document; admin operations without an id. */
    private static Set<String> documented() throws Exception {
        JsonNode doc;
        try (InputStream in = SpecRoutesTest.class.getResourceAsStream("/plugin-service.yaml")) {
            doc = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        Set<String> operations = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (METHODS.contains(op.getKey())) {
                    String id = path.getKey().startsWith("/__flexconf/") ? "-" : op.getValue().get("operationId").asText();
                    operations.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey() + " " + id);
                }
            }
        }
        return operations;
    }

    private static Set<String> registered() {
        Set<String> routes = new TreeSet<>();
        for (FlexConfServer.Route route : running.server().routes()) {
            routes.add(route.method() + " " + route.path() + " " + (route.operationId() == null ? "-" : route.operationId()));
        }
        return routes;
    }

    @Test
    void theServerRegistersExactlyTheDocumentedOperations() throws Exception {
        assertEquals(String.join("\n", documented()), String.join("\n", registered()));
    }
}

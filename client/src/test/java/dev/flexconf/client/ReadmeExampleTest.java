package dev.flexconf.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** README's JUnit example is the file the Logback embedder project (src/it/logback-embedder) compiles and runs. */
class ReadmeExampleTest {
    @Test
    void theEmbedderRunsReadmesJunitExampleVerbatim() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        int start = readme.indexOf("```java\nimport dev.flexconf.client.FlexConfApi;") + "```java\n".length();
        String example = readme.substring(start, readme.indexOf("```\n", start));
        assertEquals(example, Files.readString(Path.of("src/it/logback-embedder/src/test/java/DeployScriptTest.java")));
    }
}

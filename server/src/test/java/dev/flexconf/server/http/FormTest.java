package dev.flexconf.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormTest {
    private static Form parse(String body) {
        return Form.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void decodesPercentEncodingAndPlusAsSpace() {
        Form form = parse("Name=my+config%21&Description=a%20b");
        assertEquals("my config!", form.last("Name"));
        assertEquals("a b", form.last("Description"));
    }

    @Test
    void readsUnencodedCliBodiesWithJsonValues() {
        Form form = parse("Name=my config&Plugins={\"plugin_version\":\"FVx\",\"phase\":3}&Plugins={\"plugin_version\":\"FVy\"}");
        assertEquals("my config", form.last("Name"));
        assertEquals(List.of("{\"plugin_version\":\"FVx\",\"phase\":3}", "{\"plugin_version\":\"FVy\"}"), form.all("Plugins"));
    }

    @Test
    void keepsAStrayPercentAsALiteral() {
        assertEquals("100%", parse("Name=100%").last("Name"));
        assertEquals("%zz", parse("Name=%zz").last("Name"));
        assertEquals("50% off", parse("Name=50%25 off").last("Name"));
    }

    @Test
    void takesTheLastOfRepeatedSingleValues() {
        assertEquals("b", parse("Name=a&Name=b").last("Name"));
    }

    @Test
    void treatsAKeyWithoutEqualsAsEmpty() {
        Form form = parse("Name&Other=1");
        assertEquals("", form.last("Name"));
        assertNull(form.last("Missing"));
    }

    @Test
    void rejectsBytesThatAreNotUtf8() {
        TwilioException e = assertThrows(TwilioException.class, () -> parse("Name=%ff%fe"));
        assertEquals(400, e.status());
        assertEquals(20001, e.code());
    }

    @Test
    void readsBooleansCaseInsensitively() {
        assertEquals(true, parse("Private=True").bool("Private", false));
        assertEquals(false, parse("Private=FALSE").bool("Private", true));
        assertEquals(true, parse("").bool("Private", true));
        TwilioException e = assertThrows(TwilioException.class, () -> parse("Private=yes").bool("Private", false));
        assertEquals(20001, e.code());
    }

    @Test
    void namesTheMissingRequiredParameter() {
        TwilioException e = assertThrows(TwilioException.class, () -> parse("Name=").required("Name"));
        assertEquals(400, e.status());
        assertEquals("Missing required parameter Name in the post body", e.getMessage());
    }
}

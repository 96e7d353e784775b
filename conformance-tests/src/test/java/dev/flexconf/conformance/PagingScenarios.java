package dev.flexconf.conformance;

import static dev.flexconf.conformance.Api.V1;
import static dev.flexconf.conformance.Api.api;
import static dev.flexconf.conformance.Api.misuse;
import static dev.flexconf.conformance.Api.page;
import static dev.flexconf.conformance.Api.relative;
import static dev.flexconf.conformance.Shapes.url;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Paging, over the versions of one plugin (a list no one else writes to): the seven meta keys,
 * absolute URLs followed verbatim, tokens alone, previous pages, PageSize rules, foreign tokens.
 */
class PagingScenarios extends Scenario {
    private static String plugin;
    private static String path;
    /** The 7 versions, newest first. */
    private static final List<String> VERSIONS = new ArrayList<>();

    @BeforeAll
    static void sevenVersions() {
        plugin = Fixtures.plugin(Fixtures.unique("paged"));
        path = V1 + "/Plugins/" + plugin + "/Versions";
        for (int i = 0; i < 7; i++) {
            VERSIONS.add(0, Fixtures.version(plugin, "1.0." + i));
        }
    }

    @Test
    void theFirstPageCarriesAllSevenMetaKeys() {
        Map<String, Object> meta = page(path + "?PageSize=3").getMap("meta");
        assertEquals(Shapes.META_KEYS, meta.keySet());
        assertEquals(0, meta.get("page"));
        assertEquals(3, meta.get("page_size"));
        assertEquals("plugin_versions", meta.get("key"));
        assertEquals(url("/Plugins/" + plugin + "/Versions?PageSize=3&Page=0"), meta.get("first_page_url"));
        assertEquals(url("/Plugins/" + plugin + "/Versions?PageSize=3&Page=0"), meta.get("url"));
        assertNull(meta.get("previous_page_url"));
        assertNotNull(meta.get("next_page_url"));
    }

    @Test
    void pageSizeDefaultsTo50() {
        api().get(path).then().statusCode(200)
                .body("meta.page_size", equalTo(50))
                .body("meta.first_page_url", equalTo(url("/Plugins/" + plugin + "/Versions?PageSize=50&Page=0")))
                .body("meta.next_page_url", nullValue())
                .body("plugin_versions.sid", equalTo(VERSIONS));
    }

    @Test
    void followingNextPageUrlVerbatimWalksTheWholeListOnce() {
        List<String> seen = new ArrayList<>();
        List<Integer> pages = new ArrayList<>();
        String next = path + "?PageSize=3";
        while (next != null) {
            JsonPath page = page(next);
            seen.addAll(page.getList("plugin_versions.sid"));
            pages.add(page.getInt("meta.page"));
            String absolute = page.getString("meta.next_page_url");
            if (absolute != null) {
                assertEquals("PT", URI.create(absolute).getQuery().replaceAll(".*PageToken=", "").substring(0, 2));
            }
            next = absolute == null ? null : relative(absolute);
        }
        assertEquals(VERSIONS, seen);
        assertEquals(List.of(0, 1, 2), pages);
    }

    @Test
    void aTokenAloneIsEnoughAsTheFlexCliSendsIt() {
        String next = page(path + "?PageSize=3").getString("meta.next_page_url");
        String token = next.replaceAll(".*PageToken=", "");
        JsonPath second = page(path + "?PageSize=3&PageToken=" + token);
        assertEquals(VERSIONS.subList(3, 6), second.getList("plugin_versions.sid"));
        assertEquals(1, second.getInt("meta.page"));
    }

    @Test
    void previousPageUrlLeadsBack() {
        JsonPath first = page(path + "?PageSize=3");
        JsonPath second = page(relative(first.getString("meta.next_page_url")));
        assertNotNull(second.getString("meta.previous_page_url"));
        JsonPath back = page(relative(second.getString("meta.previous_page_url")));
        assertEquals(first.getList("plugin_versions.sid"), back.getList("plugin_versions.sid"));
        assertEquals(0, back.getInt("meta.page"));
        assertNull(back.getString("meta.previous_page_url"));
    }

    @Test
    void aPageSizeOver1000IsClampedTo1000() {
        misuse().queryParam("PageSize", 5000).get(path).then().statusCode(200).body("meta.page_size", equalTo(1000));
    }

    @Test
    void theLastOfRepeatedPageSizesWins() {
        misuse().urlEncodingEnabled(false).get(path + "?PageSize=5&PageSize=2").then().statusCode(200)
                .body("meta.page_size", equalTo(2)).body("plugin_versions.size()", equalTo(2));
    }

    @Test
    void aPageSizeThatIsNotAPositiveIntegerIsRefused() {
        for (String size : List.of("0", "-1", "abc", "1180591620717411303424")) {
            misuse().queryParam("PageSize", size).get(path).then().statusCode(400)
                    .body("code", equalTo(20001)).body("message", org.hamcrest.Matchers.containsString("PageSize"));
        }
    }

    @Test
    void aTamperedTokenIsRefused() {
        String next = page(path + "?PageSize=3").getString("meta.next_page_url");
        String token = next.replaceAll(".*PageToken=", "");
        String tampered = token.substring(0, 5) + (token.charAt(5) == 'A' ? 'B' : 'A') + token.substring(6);
        misuse().queryParam("PageToken", tampered).get(path).then().statusCode(400).body("code", equalTo(20001));
        misuse().queryParam("PageToken", "PTnot-a-token").get(path).then().statusCode(400).body("code", equalTo(20001));
    }

    @Test
    void aTokenOfAnotherListIsRefused() {
        String token = page(path + "?PageSize=3").getString("meta.next_page_url").replaceAll(".*PageToken=", "");
        misuse().queryParam("PageToken", token).get(V1 + "/Configurations").then().statusCode(400)
                .body("code", equalTo(20001));
    }

    @Test
    void aTokenOfAnotherAccountIsRefused() {
        Target.Account other = Target.get().other;
        assumeTrue(other != null, "needs a second account (flexconf.otherAccountSid)");
        String otherPlugin = Api.as(other).contentType(Api.FORM).body(Api.form("UniqueName", Fixtures.unique("theirs")))
                .post(V1 + "/Plugins").then().statusCode(201).extract().path("sid");
        for (int i = 0; i < 2; i++) {
            Api.as(other).contentType(Api.FORM).body(Api.form("Version", "0.0." + i, "PluginUrl", "https://example.com/x.js"))
                    .post(V1 + "/Plugins/" + otherPlugin + "/Versions").then().statusCode(201);
        }
        String theirToken = Api.as(other).queryParam("PageSize", 1).get(V1 + "/Plugins/" + otherPlugin + "/Versions")
                .then().statusCode(200).extract().<String>path("meta.next_page_url").replaceAll(".*PageToken=", "");
        misuse().queryParam("PageToken", theirToken).get(V1 + "/Plugins/" + otherPlugin + "/Versions")
                .then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(400), equalTo(404)))
                .body("code", org.hamcrest.Matchers.anyOf(equalTo(20001), equalTo(20404)));
        Api.as(other).post(V1 + "/Plugins/" + otherPlugin + "/Archive");
    }

    @Test
    void urlsAreAbsoluteOnTheTarget() {
        Map<String, Object> meta = page(path + "?PageSize=3").getMap("meta");
        for (String key : List.of("first_page_url", "url", "next_page_url")) {
            org.hamcrest.MatcherAssert.assertThat((String) meta.get(key), startsWith(Target.get().baseUrl + V1));
        }
    }
}

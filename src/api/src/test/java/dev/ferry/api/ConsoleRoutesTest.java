package dev.ferry.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The web console's files at /ui: from the ferry-console jar, with their content types and caching. */
@ExtendWith(TestNode.class)
class ConsoleRoutesTest {

  private static final Pattern ASSET = Pattern.compile("\"\\./(assets/[A-Za-z0-9_.-]+\\.(js|css))\"");

  private final ApiClient api;

  ConsoleRoutesTest(ApiClient api) {
    this.api = api;
  }

  @Test
  void uiWithoutSlashRedirectsToThePage() {
    ApiClient.Reply reply = api.get("/ui");
    assertEquals(308, reply.status(), "GET /ui redirects: " + reply);
    assertEquals("ui/", reply.header("Location").orElse(""), "to /ui/, relative so a proxy prefix survives");
  }

  @Test
  void pageIsHtmlRevalidatedOnEveryLoadAndMayLoadNothingFromElsewhere() {
    ApiClient.Reply reply = api.get("/ui/");
    assertEquals(200, reply.status(), "GET /ui/ answers: " + reply);
    assertTrue(reply.header("Content-Type").orElse("").startsWith("text/html"), "HTML: " + reply.headers());
    assertEquals("no-cache", reply.header("Cache-Control").orElse(""), "index.html is revalidated");
    assertTrue(reply.header("ETag").isPresent() || reply.header("Last-Modified").isPresent(),
        "revalidation has a validator: " + reply.headers());
    assertTrue(reply.header("Content-Security-Policy").orElse("").startsWith("default-src 'self'"),
        "the page may load only from this node: " + reply.headers());
    assertTrue(reply.body().contains("<div id=\"app\">"), "the page's mount point: " + reply.body());
    assertTrue(!reply.body().contains("http://") && !reply.body().contains("https://"),
        "no CDN or other host in the page: " + reply.body());
  }

  @Test
  void assetsHaveTheirContentTypesAndAreCachedForAYear() {
    String page = api.get("/ui/").body();
    Matcher assets = ASSET.matcher(page);
    int found = 0;
    while (assets.find()) {
      found++;
      ApiClient.Reply asset = api.get("/ui/" + assets.group(1));
      assertEquals(200, asset.status(), "asset " + assets.group(1) + ": " + asset.status());
      String type = asset.header("Content-Type").orElse("");
      assertTrue(assets.group(2).equals("js") ? type.matches("(application|text)/javascript.*") : type.startsWith("text/css"),
          assets.group(1) + " has content type " + type);
      assertEquals("public, max-age=31536000, immutable", asset.header("Cache-Control").orElse(""),
          "hashed asset " + assets.group(1) + " is cached");
      assertTrue(asset.body().length() > 100, assets.group(1) + " has content");
    }
    assertEquals(2, found, "the page names one script and one stylesheet: " + page);
  }

  @Test
  void unknownAssetOrEscapeIsA404WithAnErrorBody() {
    ServerApiTest.assertErrorBody(api.get("/ui/assets/no-such-file.js"), 404);
    ServerApiTest.assertErrorBody(api.get("/ui/assets/%2E%2E/index.html"), 404);
    ServerApiTest.assertErrorBody(api.get("/ui/no-such-page"), 404);
  }

  @Test
  void pageIsReadOnly() {
    ServerApiTest.assertErrorBody(api.post("/ui/", "{}"), 405);
  }
}

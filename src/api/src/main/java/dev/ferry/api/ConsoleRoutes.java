package dev.ferry.api;

import java.util.List;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.Uri;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The operators' web console at {@code /ui}: the static page built by {@code src/console} into the
 * ferry-console jar ({@value #RESOURCES} on the classpath), served on the REST port through the same
 * route tree as the API, so it gets whatever protection the API gets. The page reads only the public
 * API. {@code index.html} is revalidated on every load ({@code no-cache}, with the ETag and
 * Last-Modified pekko-http derives from the resource); the assets have content-hashed names and are
 * cached for a year. Content types come from the file extensions. A Content-Security-Policy lets the
 * page load and call nothing but this node. Without the jar on the classpath, {@code /ui} is a 404.
 */
final class ConsoleRoutes extends AllDirectives {

  /** Where the console's files are on the classpath. */
  static final String RESOURCES = "dev/ferry/console/ui";

  private static final List<HttpHeader> PAGE_HEADERS = List.of(
      RawHeader.create("Cache-Control", "no-cache"),
      RawHeader.create("X-Content-Type-Options", "nosniff"),
      RawHeader.create("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; "
          + "style-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'"));
  private static final List<HttpHeader> ASSET_HEADERS = List.of(
      RawHeader.create("Cache-Control", "public, max-age=31536000, immutable"),
      RawHeader.create("X-Content-Type-Options", "nosniff"));

  /** {@code GET /ui} (redirect), {@code /ui/} (the page) and {@code /ui/assets/*}. */
  Route route() {
    return pathPrefix("ui", () -> get(() -> concat(
        pathEnd(() -> redirect(Uri.create("ui/"), StatusCodes.PERMANENT_REDIRECT)),
        pathSingleSlash(() -> respondWithHeaders(PAGE_HEADERS, () -> getFromResource(RESOURCES + "/index.html"))),
        pathPrefix("assets", () -> respondWithHeaders(ASSET_HEADERS, () ->
            getFromResourceDirectory(RESOURCES + "/assets"))))));
  }
}

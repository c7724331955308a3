package dev.ferry.api;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.engine.connector.ConnectorException;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Connect 3.7's {@code /admin/loggers}: list the loggers that have a level, read one, and
 * change one (with every logger below it) on this node's logback, at once.
 *
 * <p>{@code ?scope=worker} is Connect's default: applied on this node, answered 200 with the affected
 * loggers. {@code ?scope=cluster}, as in Connect 3.7, is applied on every node of the cluster
 * (through {@link LogLevelBroadcast}; on this node before the answer) and answered 204. Unknown
 * scopes are treated as worker scope, as Connect does. An invalid level is 404, as in Connect.
 */
final class LoggerRoutes extends AllDirectives {

  private static final Logger LOG = LoggerFactory.getLogger(LoggerRoutes.class);

  private final LogLevelBroadcast broadcast;

  LoggerRoutes(LogLevelBroadcast broadcast) {
    this.broadcast = broadcast;
  }

  /** Every {@code /admin/loggers} route. */
  Route route() {
    return pathPrefix("admin", () -> pathPrefix("loggers", () -> concat(
        pathEndOrSingleSlash(() -> get(() -> complete(ok(all())))),
        pathPrefix(PathMatchers.segment(), name -> pathEndOrSingleSlash(() -> concat(
            get(() -> complete(ok(one(name)))),
            put(() -> parameterOptional("scope", scope -> entity(Unmarshaller.entityToString(),
                body -> complete(set(name, body, scope)))))))))));
  }

  /** {@code {"<logger>":{"level","last_modified"}}} for every logger with its own level, and root. */
  private static ObjectNode all() {
    ObjectNode out = Json.MAPPER.createObjectNode();
    LogLevels.all().forEach((name, level) -> out.set(name, render(level)));
    return out;
  }

  private static ObjectNode one(String name) {
    return LogLevels.of(name).map(LoggerRoutes::render).orElseThrow(() ->
        new ConnectorException(ConnectorException.Kind.NOT_FOUND, "Logger " + name + " not found."));
  }

  private HttpResponse set(String name, String body, Optional<String> scope) {
    JsonNode request = Json.parse(body);
    JsonNode levelNode = request.isObject() ? request.get("level") : null;
    if (levelNode == null || levelNode.isNull()) {
      throw ApiErrors.badRequest("Desired 'level' parameter was not specified in request: expected {\"level\":\"DEBUG\"}");
    }
    if (!levelNode.isTextual()) {
      throw ApiErrors.badRequest("\"level\" must be a string, but is " + Json.describe(levelNode));
    }
    // Connect answers 404 (NotFoundException) for a level it does not know; so do we.
    Level level = LogLevels.parse(levelNode.textValue()).orElseThrow(() -> new ConnectorException(
        ConnectorException.Kind.NOT_FOUND, "invalid log level '" + levelNode.textValue()
        + "'. Expected TRACE, DEBUG, INFO, WARN, ERROR, OFF or ALL"));
    String scopeName = scope.orElse("worker");
    if (scopeName.equalsIgnoreCase("cluster")) {
      LogLevels.set(name, level);
      broadcast.publish(name, level);
      LOG.info("Logger {} set to {} with cluster scope: applied here, sent to every node", name, level);
      return HttpResponse.create().withStatus(StatusCodes.NO_CONTENT);
    }
    if (!scopeName.equalsIgnoreCase("worker")) {
      LOG.warn("Unknown scope '{}' in a request to set logger {}: treated as worker scope", scopeName, name);
    }
    List<String> affected = LogLevels.set(name, level);
    LOG.info("Logger {} and {} logger(s) below it set to {}", name, affected.size() - 1, level);
    ArrayNode out = Json.MAPPER.createArrayNode();
    affected.forEach(out::add);
    return Json.response(StatusCodes.OK, out);
  }

  private static ObjectNode render(LogLevels.LoggerLevel level) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("level", level.level());
    node.put("last_modified", level.lastModified());
    return node;
  }

  private static HttpResponse ok(JsonNode body) {
    return Json.response(StatusCodes.OK, body);
  }
}

package dev.ferry.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.engine.connector.ConnectorException;
import dev.ferry.engine.connector.ConnectorService;
import dev.ferry.engine.spi.ConnectorType;
import dev.ferry.engine.connector.ConnectorTypes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;

/**
 * The {@code /connector-plugins} resource: the installed connector types (found with
 * {@link java.util.ServiceLoader}), the config keys each one describes, and the validation of a
 * config against one of them. Validation
 * is pure (no cluster call), so it answers even while the cluster is forming.
 */
final class PluginRoutes extends AllDirectives {

  private final ConnectorService service;

  PluginRoutes(ConnectorService service) {
    this.service = service;
  }

  /** Every {@code /connector-plugins} route. */
  Route route() {
    return pathPrefix("connector-plugins", () -> concat(
        pathEndOrSingleSlash(() -> get(() -> complete(Json.response(StatusCodes.OK, plugins())))),
        pathPrefix(PathMatchers.segment(), plugin -> pathPrefix("config", () -> concat(
            pathEndOrSingleSlash(() -> get(() -> complete(Json.response(StatusCodes.OK,
                ConfigValidation.keyInfos(type(plugin).configKeys()))))),
            pathPrefix("validate", () -> pathEndOrSingleSlash(() -> put(() -> entity(Unmarshaller.entityToString(),
                body -> complete(validate(plugin, body)))))))))));
  }

  /** PluginInfo list: {@code [{"class","type","version"}]}, sorted by class. */
  static ArrayNode plugins() {
    ArrayNode out = Json.MAPPER.createArrayNode();
    ConnectorTypes.all().stream().sorted(Comparator.comparing(ConnectorType::className)).forEach(type -> {
      ObjectNode plugin = out.addObject();
      plugin.put("class", type.className());
      plugin.put("type", type.type());
      plugin.put("version", type.version());
    });
    return out;
  }

  /**
   * Validates a config against a plugin: 200 ConfigInfos even when the config has errors; 404 for an
   * unknown plugin; 400 when the config names another type than the URL (as Kafka Connect).
   */
  private HttpResponse validate(String plugin, String body) {
    ConnectorType type = type(plugin);
    Map<String, String> config = Json.config(Json.parse(body), "Request body");
    String included = config.get(ConnectorTypes.CONNECTOR_CLASS);
    if (included != null && !ConnectorTypes.find(included).equals(Optional.of(type))) {
      throw ApiErrors.badRequest("Included connector type " + included + " does not match request type " + plugin);
    }
    if (included == null) {
      config.put(ConnectorTypes.CONNECTOR_CLASS, plugin);
    }
    List<String> errors = new ArrayList<>();
    String name = config.get("name");
    if (name == null || name.isBlank()) {
      errors.add("Missing required configuration \"name\" which has no default value.");
    }
    try {
      service.validate(name == null ? "" : name.trim(), config);
    } catch (ConnectorException e) {
      if (e.kind() != ConnectorException.Kind.BAD_REQUEST || e.errors().isEmpty()) {
        throw e;
      }
      errors.addAll(e.errors());
    }
    return Json.response(StatusCodes.OK, ConfigValidation.configInfos(type.className(), config, errors,
        type.configKeys()));
  }

  /** The installed type a plugin name (full, simple or without "Connector") refers to; 404 naming the installed ones. */
  private static ConnectorType type(String plugin) {
    return ConnectorTypes.find(plugin).orElseThrow(() -> new ConnectorException(
        ConnectorException.Kind.NOT_FOUND, "Unknown plugin " + plugin + ". Installed: "
            + ConnectorTypes.all().stream().map(ConnectorType::className).toList()));
  }
}

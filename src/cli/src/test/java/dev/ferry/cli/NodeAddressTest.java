package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flag, then FERRY_URL, then ~/.ferry/config, then the default; and the config file's format. */
class NodeAddressTest {

  private static final UnaryOperator<String> NO_ENV = name -> null;

  @TempDir
  Path home;

  @Test
  void flagWinsOverEverything() throws IOException {
    Path config = configWith("url=http://from-file:8083");
    assertEquals("http://flag:1", NodeAddress.resolve("http://flag:1", env("http://env:2"), config), "--url wins");
  }

  @Test
  void environmentWinsOverTheConfigFile() throws IOException {
    Path config = configWith("url=http://from-file:8083");
    assertEquals("http://env:2", NodeAddress.resolve(null, env("http://env:2"), config), "FERRY_URL wins");
  }

  @Test
  void configFileIsUsedWhenNeitherFlagNorVariableIsSet() throws IOException {
    Path config = configWith("# my cluster", "", "url = http://from-file:8083/");
    assertEquals("http://from-file:8083", NodeAddress.resolve(null, NO_ENV, config),
        "url= line, trimmed, without trailing slash");
  }

  @Test
  void defaultWhenNothingIsSet() {
    assertEquals(NodeAddress.DEFAULT_URL, NodeAddress.resolve("  ", env(""), home.resolve("missing")),
        "blank flag and variable and no file give the default");
  }

  @Test
  void addressWithoutSchemeMeansHttp() {
    assertEquals("http://node-2:8083", NodeAddress.normalize("node-2:8083"), "http:// is added");
  }

  @Test
  void notAnHttpUrlIsABadInput() {
    assertThrows(UsageException.class, () -> NodeAddress.normalize("ftp://node:21"), "ftp is refused");
    assertThrows(UsageException.class, () -> NodeAddress.normalize("http://"), "no host is refused");
  }

  @Test
  void configLinesSkipCommentsAndBlanksAndLaterKeysWin() {
    assertEquals(Map.of("url", "http://b:8083", "other", "x=y"),
        NodeAddress.parseConfig(List.of("# comment", "url=http://a:8083", "  ", "other=x=y", "url=http://b:8083",
            "not a setting")), "key=value lines only");
  }

  private Path configWith(String... lines) throws IOException {
    Path dir = Files.createDirectories(home.resolve(".ferry"));
    return Files.write(dir.resolve("config"), List.of(lines));
  }

  private static UnaryOperator<String> env(String ferryUrl) {
    return name -> NodeAddress.URL_VARIABLE.equals(name) ? ferryUrl : null;
  }

  @Test
  void managementAddressFollowsTheSameOrderWithItsOwnFlagVariableAndKey() throws IOException {
    Path config = configWith("url=http://from-file:8083", "management-url=from-file:8558");
    assertEquals("http://flag:1", NodeAddress.resolveManagement("flag:1", env("http://env:2"), config), "flag wins");
    assertEquals("http://from-file:8558", NodeAddress.resolveManagement(null, NO_ENV, config),
        "management-url= line; url= is not used for it");
    assertEquals(NodeAddress.DEFAULT_MANAGEMENT_URL, NodeAddress.resolveManagement(null, NO_ENV, home.resolve("none")),
        "the default management port");
    assertEquals("http://env:9", NodeAddress.resolveManagement(null,
        name -> name.equals(NodeAddress.MANAGEMENT_URL_VARIABLE) ? "http://env:9" : null, config),
        "FERRY_MANAGEMENT_URL wins over the file");
  }
}

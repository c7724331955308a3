package dev.ferry.engine.connector;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which values of a connector config are secrets, and text with them blanked out as
 * {@code [hidden]}: values of password-like keys ({@code *.password}, {@code *secret*},
 * {@code sasl.jaas.config}, tokens, credentials), passwords inside {@code sasl.jaas.config} and
 * JDBC URLs ({@code password=...}, {@code user:pass@}), and everything a config provider resolved.
 * Used for failure traces in status and logs, so a secret never reaches them.
 */
public final class Secrets {

  /** What secrets are shown as. */
  public static final String HIDDEN = "[hidden]";

  private static final Pattern SECRET_KEY = Pattern.compile(
      "(?i).*(password|passwd|secret|jaas\\.config|token|credentials?|access\\.key\\.id|api\\.key).*");
  private static final Pattern EMBEDDED = Pattern.compile(
      "(?i)(password\\s*=\\s*['\"]?)([^'\";&\\s]+)|(://[^:/@\\s]+:)([^@/\\s]+)(@)");

  private Secrets() {}

  /** Whether a config key holds a secret by its name. */
  public static boolean isSecretKey(String key) {
    return SECRET_KEY.matcher(key).matches();
  }

  /** The secret values of a config (resolved), plus {@code resolvedByProviders}. */
  public static Set<String> of(Map<String, String> config, Collection<String> resolvedByProviders) {
    Set<String> out = new LinkedHashSet<>(resolvedByProviders);
    config.forEach((key, value) -> {
      if (value == null || value.isBlank()) {
        return;
      }
      if (isSecretKey(key)) {
        out.add(value);
      }
      Matcher m = EMBEDDED.matcher(value);
      while (m.find()) {
        out.add(m.group(2) != null ? m.group(2) : m.group(4));
      }
    });
    out.removeIf(s -> s == null || s.length() < 4 || s.toLowerCase(Locale.ROOT).equals("true")
        || s.toLowerCase(Locale.ROOT).equals("false"));
    return out;
  }

  /** {@code text} with every secret replaced by {@link #HIDDEN}. */
  public static String redact(String text, Set<String> secrets) {
    if (text == null || secrets.isEmpty()) {
      return text;
    }
    String out = text;
    for (String secret : secrets) {
      out = out.replace(secret, HIDDEN);
    }
    return out;
  }
}

package dev.ferry.connectors.mirror;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.SecurityDisabledException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * MM2's topic ACL sync: literal TOPIC ACLs of replicated topics are created on their remote
 * topics, never ALLOW WRITE (only the replicator writes remote topics), and ALLOW ALL becomes
 * ALLOW READ. Skipped when either cluster has no authorizer.
 */
final class TopicAclSync {

  private TopicAclSync() {}

  /** Copies the ACLs of each source topic (key) to its remote topic (value). */
  static CompletionStage<Void> sync(Admin source, Admin target, Map<String, String> remoteNames) {
    if (remoteNames.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    return source.describeAcls(AclBindingFilter.ANY).values().toCompletionStage()
        .thenCompose(acls -> {
          List<AclBinding> wanted = new ArrayList<>();
          for (AclBinding acl : acls) {
            AclBinding remote = remoteAcl(acl, remoteNames);
            if (remote != null) {
              wanted.add(remote);
            }
          }
          return wanted.isEmpty() ? CompletableFuture.<Void>completedFuture(null)
              : target.createAcls(wanted).all().toCompletionStage();
        })
        .exceptionally(error -> {
          Throwable cause = error instanceof CompletionException ? error.getCause() : error;
          if (cause instanceof SecurityDisabledException) {
            return null; // no authorizer: there are no ACLs to copy
          }
          throw new CompletionException(cause);
        });
  }

  /** The remote ACL of a source ACL, or null when MM2's rules do not copy it. */
  static AclBinding remoteAcl(AclBinding acl, Map<String, String> remoteNames) {
    ResourcePattern pattern = acl.pattern();
    AccessControlEntry entry = acl.entry();
    if (pattern.resourceType() != ResourceType.TOPIC || pattern.patternType() != PatternType.LITERAL
        || !remoteNames.containsKey(pattern.name())) {
      return null;
    }
    if (entry.permissionType() == AclPermissionType.ALLOW && entry.operation() == AclOperation.WRITE) {
      return null;
    }
    AclOperation operation = entry.permissionType() == AclPermissionType.ALLOW && entry.operation() == AclOperation.ALL
        ? AclOperation.READ : entry.operation();
    return new AclBinding(new ResourcePattern(ResourceType.TOPIC, remoteNames.get(pattern.name()), PatternType.LITERAL),
        new AccessControlEntry(entry.principal(), entry.host(), operation, entry.permissionType()));
  }
}

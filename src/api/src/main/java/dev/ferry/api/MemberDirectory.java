package dev.ferry.api;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;
import org.apache.pekko.cluster.Cluster;

/**
 * Which REST worker id ({@code host:rest-port}, the {@code worker_id} of status and {@code /flows})
 * each cluster member has, for {@code GET /cluster/members}. Every node registers one actor with the
 * cluster receptionist under {@value #SERVICE}, named after its worker id, and keeps the listing it
 * is subscribed to: reading it needs no remote call, and a member that leaves or is downed drops out
 * of the listing by itself. Started with the REST API (one per actor system, as an extension); a
 * member's entry appears a second or so after it joined, when the receptionist has spread it.
 */
final class MemberDirectory implements Extension {

  /** The receptionist key every node's REST API registers under. */
  static final String SERVICE = "ferry-rest-workers";
  private static final String PREFIX = "ferry-rest-";

  /** Never sent: the registered actor exists only to be listed. */
  enum Never { INSTANCE }

  private static final ServiceKey<Never> KEY = ServiceKey.create(Never.class, SERVICE);

  private static final ExtensionId<MemberDirectory> ID = new ExtensionId<>() {
    @Override
    public MemberDirectory createExtension(ActorSystem<?> system) {
      return new MemberDirectory(system);
    }
  };

  private final ActorSystem<?> system;
  private final AtomicReference<Map<Address, String>> workers = new AtomicReference<>(Map.of());
  private final AtomicReference<String> selfWorker = new AtomicReference<>();
  private final Address self;

  private MemberDirectory(ActorSystem<?> system) {
    this.system = system;
    self = Cluster.get(system.classicSystem()).selfAddress();
    system.systemActorOf(subscriber(), "ferry-rest-workers-listing", Props.empty());
  }

  /** This actor system's directory, subscribed to the listing on first use. */
  static MemberDirectory get(ActorSystem<?> system) {
    return ID.apply(system);
  }

  /** Lists this node under its worker id; later calls (the API's routes built again) change nothing. */
  MemberDirectory register(String workerId) {
    if (selfWorker.compareAndSet(null, workerId)) {
      ActorRef<Never> registered = system.systemActorOf(Behaviors.ignore(),
          PREFIX + URLEncoder.encode(workerId, StandardCharsets.UTF_8), Props.empty());
      system.receptionist().tell(Receptionist.register(KEY, registered));
    }
    return this;
  }

  /** The worker id of the member at {@code address}, or null when it is not (yet) listed. */
  String workerId(Address address) {
    return address.equals(self) && selfWorker.get() != null ? selfWorker.get() : workers.get().get(address);
  }

  private Behavior<Receptionist.Listing> subscriber() {
    return Behaviors.setup(context -> {
      context.getSystem().receptionist().tell(Receptionist.subscribe(KEY, context.getSelf()));
      return Behaviors.receiveMessage(listing -> {
        Map<Address, String> next = new HashMap<>();
        for (ActorRef<Never> ref : listing.getServiceInstances(KEY)) {
          Address address = ref.path().address().hasLocalScope() ? self : ref.path().address();
          String name = ref.path().name();
          if (name.startsWith(PREFIX)) {
            next.put(address, URLDecoder.decode(name.substring(PREFIX.length()), StandardCharsets.UTF_8));
          }
        }
        workers.set(Map.copyOf(next));
        return Behaviors.same();
      });
    });
  }
}

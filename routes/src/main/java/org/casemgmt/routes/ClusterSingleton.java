package org.casemgmt.routes;

import java.util.Optional;

/**
 * Routes that only one of the service's nodes may run at a time, because they take work nobody else claims: a feed's
 * inbox (two nodes would load the same file), a poll with a watermark, an outbox without row claims. Such a route is
 * put in a route group named after a lease; where the adapter runs several nodes on one database, the route runs on
 * the node that holds that lease and another node takes it over when that one stops. Without a cluster (the routes'
 * own tests) the group changes nothing.
 */
public final class ClusterSingleton {
  private static final String PREFIX = "singleton:";

  private ClusterSingleton() {
  }

  /** The route group of a route that runs on the node holding the lease. */
  public static String group(String lease) {
    return PREFIX + lease;
  }

  /** The lease a route group names, if it is a singleton's. */
  public static Optional<String> lease(String group) {
    return group != null && group.startsWith(PREFIX) ? Optional.of(group.substring(PREFIX.length()))
        : Optional.empty();
  }
}
